/**
 * What the register-cluster wizard shows after the Cluster exists: the worker chart's Helm
 * values (as the backend answers them, from the controller's Secret) as a file, the commands
 * to install the chart with it, and how far the worker's registration is. Pure: no I/O.
 */

/** The chart repository of KubeSlice (kubeslice.io docs, "Install the Slice Operator"). */
export const KUBESLICE_HELM_REPO = {
  name: 'kubeslice',
  url: 'https://kubeslice.github.io/kubeslice/',
} as const;

const DEFAULT_VALUES_FILE = 'worker-values.yaml';

/**
 * The values file name the install command reads (`-f <file>` or `--values <file>` /
 * `--values=<file>`), so the downloaded file is the one the command names.
 */
export function valuesFileName(command: string): string {
  const m = /(?:^|\s)(?:-f|--values)(?:\s+|=)("[^"]+"|'[^']+'|\S+)/.exec(
    command,
  );
  const file = m?.[1].replace(/^["']|["']$/g, '');
  return file && !file.includes('/') ? file : DEFAULT_VALUES_FILE;
}

/**
 * The shell lines to install the worker: add the chart repository, refresh it, and the
 * backend's install command (which reads the values file).
 */
export function installCommands(command: string): string {
  return [
    `helm repo add ${KUBESLICE_HELM_REPO.name} ${KUBESLICE_HELM_REPO.url}`,
    `helm repo update ${KUBESLICE_HELM_REPO.name}`,
    command.trim(),
  ].join('\n');
}

/** Where the worker's registration is, from `Cluster.status.registrationStatus`. */
export type RegistrationWait =
  | { state: 'waiting'; status?: string }
  | { state: 'registered' }
  | { state: 'failed'; status: string }
  | { state: 'deregistering'; status: string };

/**
 * The registration state to show while waiting: no status (the worker is not installed
 * yet), `Pending` and `InProgress` wait; `Registered` is done; `Failed` failed; the
 * deregistration states mean the cluster is going away.
 */
export function registrationWait(status: string | undefined): RegistrationWait {
  switch (status) {
    case 'Registered':
      return { state: 'registered' };
    case 'Failed':
      return { state: 'failed', status };
    case 'DeregisterInProgress':
    case 'DeregisterFailed':
    case 'Deregistered':
      return { state: 'deregistering', status };
    default:
      return status ? { state: 'waiting', status } : { state: 'waiting' };
  }
}

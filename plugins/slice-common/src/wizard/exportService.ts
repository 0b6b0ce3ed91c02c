import type { ApiSchema } from '../api/types';
import type { SliceService } from '../fleet/types';
import { splitList } from './registerCluster';
import type { WizardStepFields } from './steps';

/** The export body (`POST /v1/slices/{hub}/{project}/{name}/exports`). */
export type ServiceExportBody = ApiSchema<'ServiceExportRequest'>;

export type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

/** One port row of the form, as typed. */
export interface ExportPortRow {
  name: string;
  containerPort: string;
  /** Empty: the same as the container port. */
  servicePort: string;
  protocol: PortProtocol;
  serviceProtocol: '' | 'HTTP' | 'HTTPS';
}

/** What the export wizard collects, as the user typed it. */
export interface ExportServiceForm {
  cluster: string;
  namespace: string;
  name: string;
  /** The pods' labels: `app=web, tier=front`. */
  selector: string;
  ports: ExportPortRow[];
  /** Extra DNS names, separated by commas or spaces. */
  aliases: string;
}

export function emptyPortRow(): ExportPortRow {
  return {
    name: 'tcp',
    containerPort: '',
    servicePort: '',
    protocol: 'TCP',
    serviceProtocol: '',
  };
}

export function emptyExportServiceForm(
  init: Partial<Pick<ExportServiceForm, 'cluster' | 'namespace' | 'name'>> = {},
): ExportServiceForm {
  const name = init.name ?? '';
  return {
    cluster: init.cluster ?? '',
    namespace: init.namespace ?? '',
    name,
    selector: name ? `app=${name}` : '',
    ports: [emptyPortRow()],
    aliases: '',
  };
}

/** The steps with the field paths of the request body (request check, preflight) each edits. */
export const EXPORT_SERVICE_STEPS = [
  {
    id: 'service',
    fields: [
      'cluster',
      'namespace',
      'name',
      'metadata',
      'spec.selector',
      'params.name',
    ],
  },
  { id: 'ports', fields: ['spec.ports'] },
  { id: 'aliases', fields: ['spec.aliases', 'spec.ingressEnabled'] },
] as const satisfies readonly WizardStepFields[];

export type ExportServiceStepId = (typeof EXPORT_SERVICE_STEPS)[number]['id'];

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/**
 * `app=web, tier=front` (commas, spaces or new lines between pairs) as matchLabels, with a
 * problem for each pair that is not `key=value` with a valid label key and value.
 */
export function parseLabels(text: string): {
  labels: Record<string, string>;
  problems: string[];
} {
  const labels: Record<string, string> = {};
  const problems: string[] = [];
  for (const pair of splitList(text)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      problems.push(`"${pair}" is not key=value`);
      continue;
    }
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (!LABEL_KEY.test(key) || key.length > 317)
      problems.push(`"${key}" is not a label key`);
    else if (!LABEL_VALUE.test(value) || value.length > 63)
      problems.push(`"${value}" is not a label value`);
    else labels[key] = value;
  }
  return { labels, problems };
}

const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const portNumberProblem = (value: string, required: boolean) => {
  const v = value.trim();
  if (!v) return required ? 'required' : undefined;
  const n = Number(v);
  return /^\d+$/.test(v) && n >= 1 && n <= 65535
    ? undefined
    : 'must be a port from 1 to 65535';
};

/** What is wrong with a port row, field by field (empty when nothing is). */
export function portProblems(
  row: ExportPortRow,
): Partial<Record<'name' | 'containerPort' | 'servicePort', string>> {
  const out: Partial<Record<'name' | 'containerPort' | 'servicePort', string>> =
    {};
  const name = row.name.trim();
  if (name && (!PORT_NAME.test(name) || name.length > 15))
    out.name = 'lowercase letters, digits and "-", at most 15 characters';
  const container = portNumberProblem(row.containerPort, true);
  if (container) out.containerPort = container;
  const service = portNumberProblem(row.servicePort, false);
  if (service) out.servicePort = service;
  return out;
}

/** The KubeSlice docs ask port names to start with http or tcp; unnamed ports are fine. */
export function portNameWarning(row: ExportPortRow): boolean {
  const name = row.name.trim();
  return name !== '' && !/^(http|tcp)/.test(name);
}

/** The request body for the form: the ServiceExport's name, namespace and spec, and its cluster. */
export function exportServiceRequest(
  form: ExportServiceForm,
): ServiceExportBody {
  const aliases = splitList(form.aliases);
  return {
    cluster: form.cluster,
    namespace: form.namespace.trim(),
    name: form.name.trim(),
    spec: {
      selector: { matchLabels: parseLabels(form.selector).labels },
      ports: form.ports.map(row => ({
        ...(row.name.trim() && { name: row.name.trim() }),
        containerPort: Number(row.containerPort.trim()),
        protocol: row.protocol,
        ...(row.servicePort.trim() && {
          servicePort: Number(row.servicePort.trim()),
        }),
        ...(row.serviceProtocol && { serviceProtocol: row.serviceProtocol }),
      })),
      ...(aliases.length > 0 && { aliases }),
    },
  };
}

/** The names the service will answer on across the slice (REFERENCE §4.3: the code omits the slice). */
export function exportDnsNames(form: ExportServiceForm): string[] {
  const name = form.name.trim();
  const namespace = form.namespace.trim();
  if (!name || !namespace) return splitList(form.aliases);
  return [`${name}.${namespace}.svc.slice.local`, ...splitList(form.aliases)];
}

/**
 * Whether the export works everywhere: its import is READY on every member of the slice.
 * `waitingOn` lists the members where it is not (yet); the wizard follows the checklist
 * until it is empty.
 */
export function importsReady(
  service: Pick<SliceService, 'imports'> | undefined,
  members: readonly string[],
): { ready: boolean; waitingOn: string[] } {
  const ready = new Set(
    (service?.imports ?? [])
      .filter(i => i.status.toUpperCase() === 'READY')
      .map(i => i.cluster),
  );
  const waitingOn = members.filter(m => !ready.has(m));
  return { ready: members.length > 0 && waitingOn.length === 0, waitingOn };
}

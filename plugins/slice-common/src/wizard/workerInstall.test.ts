import {
  installCommands,
  registrationWait,
  valuesFileName,
} from './workerInstall';

const COMMAND =
  'helm install kubeslice-worker kubeslice/kubeslice-worker -n kubeslice-system --create-namespace -f worker-values.yaml';

describe('valuesFileName', () => {
  it('is the file the command reads', () => {
    expect(valuesFileName(COMMAND)).toBe('worker-values.yaml');
    expect(valuesFileName('helm upgrade -i w c --values=edge.yaml')).toBe(
      'edge.yaml',
    );
    expect(valuesFileName('helm install w c --values "my values.yaml"')).toBe(
      'my values.yaml',
    );
  });

  it('falls back to worker-values.yaml when the command names none or a path', () => {
    expect(valuesFileName('helm install w c')).toBe('worker-values.yaml');
    expect(valuesFileName('helm install w c -f ../x/values.yaml')).toBe(
      'worker-values.yaml',
    );
  });
});

describe('installCommands', () => {
  it('adds the KubeSlice chart repository before the install', () => {
    expect(installCommands(`${COMMAND}\n`).split('\n')).toEqual([
      'helm repo add kubeslice https://kubeslice.github.io/kubeslice/',
      'helm repo update kubeslice',
      COMMAND,
    ]);
  });
});

describe('registrationWait', () => {
  it('waits without a status and while Pending or InProgress', () => {
    expect(registrationWait(undefined)).toEqual({ state: 'waiting' });
    expect(registrationWait('Pending')).toEqual({
      state: 'waiting',
      status: 'Pending',
    });
    expect(registrationWait('InProgress').state).toBe('waiting');
  });

  it('ends at Registered or Failed; deregistration is its own state', () => {
    expect(registrationWait('Registered')).toEqual({ state: 'registered' });
    expect(registrationWait('Failed')).toEqual({
      state: 'failed',
      status: 'Failed',
    });
    expect(registrationWait('DeregisterInProgress').state).toBe(
      'deregistering',
    );
  });
});

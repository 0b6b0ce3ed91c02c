import type { AuditEntry } from '../components/SlicePage/ChangeTimeline';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** Audit records of demo/arcade/pacman, newest first (as the API sends them). */
export function auditEntries(): AuditEntry[] {
  return [
    {
      id: 'a4',
      at: ago(2 * 60_000),
      actor: 'user:default/alice',
      action: 'namespace.onboard',
      target: { hub: 'demo', project: 'arcade', slice: 'pacman' },
      dryRun: false,
      result: 'succeeded',
      operationId: 'op-42',
      summary:
        'onboard namespace ledger onto slice pacman on aws-east, gcp-west',
    },
    {
      id: 'a3',
      at: ago(3 * 60_000),
      actor: 'user:default/alice',
      action: 'namespace.onboard',
      target: { hub: 'demo', project: 'arcade', slice: 'pacman' },
      dryRun: true,
      result: 'succeeded',
      summary: 'onboard namespace ledger onto slice pacman (preview)',
    },
    {
      id: 'a2',
      at: ago(20 * 60_000),
      actor: 'user:default/bob',
      action: 'slice.delete',
      target: { hub: 'demo', project: 'arcade', slice: 'pacman' },
      dryRun: false,
      result: 'denied',
      error: 'user:default/bob may not delete slices in project arcade',
    },
    {
      id: 'a1',
      at: ago(3 * 3_600_000),
      actor: 'plugin:scaffolder',
      action: 'service.export',
      target: {
        hub: 'demo',
        project: 'arcade',
        slice: 'pacman',
        cluster: 'edge-nyc',
      },
      dryRun: false,
      result: 'failed',
      error: 'worker edge-nyc did not answer within 10 s',
      summary: 'export service pacman/web from edge-nyc on slice pacman',
    },
  ];
}

import type {
  NamespaceOnCluster,
  SliceService,
  Tunnel,
} from '@slice-portal/plugin-slice-common';

/** One step of "why is this export not working": `ok` is undefined when it cannot be told. */
export interface ChecklistItem {
  id: 'namespace' | 'export' | 'imports' | 'endpoints' | 'tunnels';
  label: string;
  ok: boolean | undefined;
  detail: string;
}

interface ChecklistContext {
  members: string[];
  namespaceStates: NamespaceOnCluster[];
  tunnels: Tunnel[];
}

function namespaceStep(
  service: SliceService,
  context: ChecklistContext,
): ChecklistItem {
  const label = `Namespace ${service.namespace} onboarded where the service runs`;
  const exporters = service.exportedFrom;
  if (exporters.length === 0) {
    return {
      id: 'namespace',
      label,
      ok: false,
      detail:
        'No cluster exports this service: create a ServiceExport in its namespace.',
    };
  }
  const notOnboarded = exporters.filter(
    cluster =>
      !context.namespaceStates.some(
        n =>
          n.cluster === cluster &&
          n.namespace === service.namespace &&
          n.state === 'onboarded',
      ),
  );
  if (notOnboarded.length === 0) {
    return {
      id: 'namespace',
      label,
      ok: true,
      detail: `Onboarded on ${exporters.join(', ')}.`,
    };
  }
  return {
    id: 'namespace',
    label,
    ok: false,
    detail: `Not onboarded on ${notOnboarded.join(
      ', ',
    )}: add the namespace to the slice's applicationNamespaces for those clusters.`,
  };
}

function exportStep(service: SliceService): ChecklistItem {
  const label = 'ServiceExport READY';
  if (service.exports.length === 0) {
    return {
      id: 'export',
      label,
      ok: false,
      detail: 'No ServiceExport found.',
    };
  }
  const notReady = service.exports.filter(
    e => e.status.toUpperCase() !== 'READY',
  );
  if (notReady.length === 0) {
    return {
      id: 'export',
      label,
      ok: true,
      detail: `READY on ${service.exports.map(e => e.cluster).join(', ')}.`,
    };
  }
  return {
    id: 'export',
    label,
    ok: false,
    detail: `${notReady
      .map(e => `${e.cluster}: ${e.status}`)
      .join('; ')} (the worker did not accept the export; see the Events tab).`,
  };
}

function importsStep(
  service: SliceService,
  context: ChecklistContext,
): ChecklistItem {
  const label = 'Imported on every member';
  const importedOn = new Set(
    service.imports.filter(i => i.status !== 'MISSING').map(i => i.cluster),
  );
  const missing = context.members.filter(m => !importedOn.has(m));
  if (missing.length > 0) {
    return {
      id: 'imports',
      label,
      ok: false,
      detail: `No ServiceImport on ${missing.join(
        ', ',
      )}: the controller creates them once the export is READY.`,
    };
  }
  const unknown = service.imports.filter(i => i.status === 'UNKNOWN');
  if (unknown.length > 0) {
    return {
      id: 'imports',
      label,
      ok: undefined,
      detail: `Cannot read the workers of ${unknown
        .map(i => i.cluster)
        .join(', ')}; their import state is unknown.`,
    };
  }
  return {
    id: 'imports',
    label,
    ok: true,
    detail: `Imported on all ${context.members.length} members.`,
  };
}

function endpointsStep(service: SliceService): ChecklistItem {
  const label = 'Endpoints present';
  if (service.endpoints.length === 0) {
    return {
      id: 'endpoints',
      label,
      ok: false,
      detail:
        'The service has no endpoints: check that its pods are running and match the export selector.',
    };
  }
  const empty = service.imports.filter(
    i => i.status !== 'MISSING' && i.endpoints === 0,
  );
  if (empty.length > 0) {
    return {
      id: 'endpoints',
      label,
      ok: false,
      detail: `Imports without endpoints on ${empty
        .map(i => i.cluster)
        .join(', ')}.`,
    };
  }
  const clusters = [...new Set(service.endpoints.map(e => e.cluster))];
  return {
    id: 'endpoints',
    label,
    ok: true,
    detail: `${service.endpoints.length} endpoint(s) on ${clusters.join(
      ', ',
    )}.`,
  };
}

function tunnelsStep(
  service: SliceService,
  context: ChecklistContext,
): ChecklistItem {
  const label = 'Tunnels to the exporting clusters UP';
  const exporters = service.exportedFrom;
  if (exporters.length === 0) {
    return { id: 'tunnels', label, ok: undefined, detail: 'Nothing exported.' };
  }
  const needed = context.tunnels.filter(
    t =>
      (exporters.includes(t.a) || exporters.includes(t.b)) &&
      context.members.includes(t.a) &&
      context.members.includes(t.b),
  );
  const notUp = needed.filter(t => t.state !== 'UP');
  return {
    id: 'tunnels',
    label,
    ok: notUp.length === 0,
    detail:
      notUp.length === 0
        ? `${needed.length} tunnel(s) up.`
        : notUp.map(t => `${t.a} ↔ ${t.b} ${t.state}`).join('; '),
  };
}

/**
 * Walks the path a request to an exported service takes, in order: the namespace is on
 * the slice where the service runs, the worker accepted the export, every member imported
 * it, the imports have endpoints, and the tunnels from the importers to the exporters are up.
 */
export function exportChecklist(
  service: SliceService,
  context: ChecklistContext,
): ChecklistItem[] {
  return [
    namespaceStep(service, context),
    exportStep(service),
    importsStep(service, context),
    endpointsStep(service),
    tunnelsStep(service, context),
  ];
}

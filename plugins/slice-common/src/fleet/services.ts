import type {
  ServiceExportConfigObject,
  ServiceExportObject,
  ServiceImportObject,
  WorkerServiceImportObject,
} from '../kube/objects';
import { health, healthOk, worstHealth, type Health } from '../health/health';
import type { ServiceEndpoint, SliceService } from './types';

export interface ServiceInputs {
  slice: string;
  members: string[];
  exportConfigs: ServiceExportConfigObject[];
  workerImports: WorkerServiceImportObject[];
  /** Worker-side objects per cluster, for clusters whose workers are read. */
  exportsByCluster: Map<string, ServiceExportObject[]>;
  importsByCluster: Map<string, ServiceImportObject[]>;
  readableClusters: Set<string>;
}

/** The slice DNS name of an exported service (REFERENCE §4.3: the code leaves the slice out). */
export function sliceDnsName(name: string, namespace: string) {
  return `${name}.${namespace}.svc.slice.local`;
}

/**
 * Services exported on a slice, from the hub (ServiceExportConfig per exporting cluster,
 * WorkerServiceImport per member) and, where workers are read, their own export/import status.
 */
export function buildServices(input: ServiceInputs): SliceService[] {
  const byKey = new Map<
    string,
    {
      name: string;
      namespace: string;
      configs: ServiceExportConfigObject[];
      imports: WorkerServiceImportObject[];
    }
  >();
  const ensure = (name: string, namespace: string) => {
    const key = `${namespace}/${name}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { name, namespace, configs: [], imports: [] };
      byKey.set(key, entry);
    }
    return entry;
  };
  for (const config of input.exportConfigs) {
    if (config.spec?.sliceName !== input.slice || !config.spec.serviceName)
      continue;
    ensure(
      config.spec.serviceName,
      config.spec.serviceNamespace ?? 'default',
    ).configs.push(config);
  }
  // A service exported on a worker but not yet on the hub (operator down, partitioned, namespace
  // not onboarded) is still shown, so its owner sees why it does not work.
  for (const list of input.exportsByCluster.values()) {
    for (const e of list) {
      if (e.spec?.slice !== input.slice || !e.metadata?.name) continue;
      ensure(e.metadata.name, e.metadata.namespace ?? 'default');
    }
  }
  for (const imp of input.workerImports) {
    if (imp.spec?.sliceName !== input.slice || !imp.spec.serviceName) continue;
    ensure(
      imp.spec.serviceName,
      imp.spec.serviceNamespace ?? 'default',
    ).imports.push(imp);
  }

  const services: SliceService[] = [];
  for (const { name, namespace, configs, imports } of byKey.values()) {
    const exportedFrom = [
      ...new Set(
        configs.map(c => c.spec?.sourceCluster).filter((c): c is string => !!c),
      ),
    ].sort();
    const endpoints: ServiceEndpoint[] = configs.flatMap(c =>
      (c.spec?.serviceDiscoveryEndpoints ?? []).map(e => ({
        cluster: e.cluster ?? c.spec?.sourceCluster ?? '',
        pod: e.podName,
        ip: e.nsmIp,
        dnsName: e.dnsName,
        port: e.port,
      })),
    );
    const aliases = [...new Set(configs.flatMap(c => c.spec?.aliases ?? []))];
    const parts: Health[] = [];

    const exports = exportedFrom.map(cluster => {
      const workerExport = input.exportsByCluster
        .get(cluster)
        ?.find(
          e => e.metadata?.name === name && e.metadata?.namespace === namespace,
        );
      const status =
        workerExport?.status?.exportStatus ||
        (input.readableClusters.has(cluster) ? 'MISSING' : 'UNKNOWN');
      if (status === 'PENDING' || status === 'ERROR' || status === 'MISSING') {
        parts.push(
          health(
            status === 'ERROR' ? 'error' : 'warning',
            `export ${name}.${namespace} on ${cluster} ${status}`,
          ),
        );
      }
      return {
        cluster,
        status,
        availableEndpoints: workerExport?.status?.availableEndpoints,
      };
    });

    // Exports that exist on a worker but never reached the hub (e.g. namespace not onboarded).
    for (const [cluster, list] of input.exportsByCluster) {
      if (exportedFrom.includes(cluster)) continue;
      const pending = list.find(
        e =>
          e.metadata?.name === name &&
          e.metadata?.namespace === namespace &&
          e.spec?.slice === input.slice,
      );
      if (pending) {
        const status = pending.status?.exportStatus || 'PENDING';
        exports.push({
          cluster,
          status,
          availableEndpoints: pending.status?.availableEndpoints,
        });
        parts.push(
          health(
            'warning',
            `export ${name}.${namespace} on ${cluster} ${status}`,
          ),
        );
      }
    }

    const importsOut = input.members.map(cluster => {
      const hubImport =
        imports.find(i => i.metadata?.labels?.['worker-cluster'] === cluster) ??
        imports.find(
          i =>
            i.metadata?.name ===
            `${name}-${namespace}-${input.slice}-${cluster}`,
        );
      const workerImport = input.importsByCluster
        .get(cluster)
        ?.find(
          i => i.metadata?.name === name && i.metadata?.namespace === namespace,
        );
      const endpointCount =
        workerImport?.status?.endpoints?.length ??
        hubImport?.spec?.serviceDiscoveryEndpoints?.length ??
        0;
      let status: string;
      if (workerImport) status = workerImport.status?.importStatus || 'PENDING';
      else if (input.readableClusters.has(cluster))
        status = hubImport ? 'PENDING' : 'MISSING';
      else status = hubImport ? 'UNKNOWN' : 'MISSING';
      if (
        exportedFrom.length > 0 &&
        (status === 'MISSING' || status === 'ERROR' || status === 'PENDING')
      ) {
        parts.push(
          health(
            status === 'ERROR' ? 'error' : 'warning',
            `import of ${name}.${namespace} on ${cluster} ${status}`,
          ),
        );
      }
      return {
        cluster,
        status,
        endpoints: endpointCount,
        sourceClusters: hubImport?.spec?.sourceClusters ?? [],
      };
    });

    if (exportedFrom.length > 0 && endpoints.length === 0) {
      parts.push(health('warning', `${name}.${namespace} has no endpoints`));
    }
    services.push({
      name,
      namespace,
      dnsName: sliceDnsName(name, namespace),
      aliases,
      exportedFrom,
      exports: exports.sort((x, y) => x.cluster.localeCompare(y.cluster)),
      imports: importsOut,
      endpoints,
      health: parts.length ? worstHealth(parts) : healthOk(),
    });
  }
  return services.sort(
    (x, y) =>
      x.namespace.localeCompare(y.namespace) || x.name.localeCompare(y.name),
  );
}

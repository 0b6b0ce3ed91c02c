import { ApiError } from '../api/errors';
import type { ResourceType } from '../api/resources';
import type { KubeObject } from '../api/types';
import { checkSliceSubnet } from '../scenario/load';
import { CONTROLLER_NAMESPACE } from '../scenario/plan';
import type {
  AdmissionPlugin,
  AdmissionRequest,
  VirtualCluster,
} from '../server/VirtualCluster';

/**
 * The KubeSlice controller's admission webhooks (REFERENCE §2), written from
 * the reference, not shared with the plugin: mutating (SliceConfig's
 * vpnConfig) and validating on create, update and delete. A denial is a 422
 * `Invalid` Status whose message starts like the API server's for a webhook
 * denial, with one cause per broken rule.
 */

const CONTROLLER = 'controller.kubeslice.io';
const WORKER = 'worker.kubeslice.io';
type Cause = { field: string; message: string; reason?: string };

const WEBHOOK: Record<string, string> = {
  projects: 'vproject.kb.io',
  clusters: 'vcluster.kb.io',
  sliceconfigs: 'vsliceconfig.kb.io',
  sliceqosconfigs: 'vsliceqosconfig.kb.io',
  serviceexportconfigs: 'vserviceexportconfig.kb.io',
  vpnkeyrotations: 'vvpnkeyrotation.kb.io',
  workersliceconfigs: 'vworkersliceconfig.kb.io',
  workerslicegateways: 'vworkerslicegateway.kb.io',
};

function deny(rt: ResourceType, name: string, causes: Cause[]): never {
  const err = ApiError.invalidFields(rt, name, causes);
  throw new ApiError(
    422,
    'Invalid',
    `admission webhook "${WEBHOOK[rt.plural]}" denied the request: ${
      err.message
    }`,
    err.details,
  );
}

const USER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9\-.]{0,62}[a-zA-Z0-9]$/;
const NAMESPACE_NAME = /^[a-zA-Z0-9-]+$/;

function isIp(s: string): boolean {
  const v4 = s.split('.');
  if (v4.length === 4)
    return v4.every(p => /^\d{1,3}$/.test(p) && Number(p) <= 255);
  return /^[0-9a-fA-F:]+$/.test(s) && s.includes(':');
}

function cidrRange(cidr: string): [number, number] | undefined {
  const [ip, len] = cidr.split('/');
  const parts = (ip ?? '').split('.').map(Number);
  const bits = Number(len);
  if (parts.length !== 4 || parts.some(p => !(p >= 0 && p <= 255)))
    return undefined;
  if (!(bits >= 0 && bits <= 32)) return undefined;
  const base = parts.reduce((n, p) => n * 256 + p, 0);
  const size = 2 ** (32 - bits);
  const start = base - (base % size);
  return [start, start + size - 1];
}

export function cidrsOverlap(a: string, b: string): boolean {
  const x = cidrRange(a);
  const y = cidrRange(b);
  return Boolean(x && y && x[0] <= y[1] && y[0] <= x[1]);
}

class Hub {
  constructor(readonly vc: VirtualCluster) {}
  type(plural: string, group = CONTROLLER) {
    return this.vc.resourceType(plural, group);
  }
  get(
    plural: string,
    ns: string | undefined,
    name: string,
    group = CONTROLLER,
  ) {
    return this.vc.store.get(this.type(plural, group), ns, name);
  }
  list(plural: string, ns?: string, group = CONTROLLER) {
    return this.vc.store.list(this.type(plural, group), ns);
  }
  isProjectNamespace(ns: string | undefined): boolean {
    if (!ns) return false;
    const obj = this.vc.store.get(
      this.vc.resourceType('namespaces'),
      undefined,
      ns,
    );
    return (
      obj?.metadata.labels?.['kubeslice-resource-owner'] ===
      'kubeslice-controller'
    );
  }
}

function bindingRules(
  field: string,
  bindings: any[] | undefined,
  members: string[],
  causes: Cause[],
  extra?: (ns: string, clusters: string[], i: number) => void,
): void {
  const seen = new Set<string>();
  (bindings ?? []).forEach((b, i) => {
    const at = `${field}[${i}]`;
    const clusters: string[] = b?.clusters ?? [];
    if (!b?.namespace || clusters.length === 0) {
      causes.push({
        field: at,
        message: 'Required value: namespace and clusters must be set together',
      });
      return;
    }
    if (!NAMESPACE_NAME.test(b.namespace))
      causes.push({
        field: `${at}.namespace`,
        message: `Invalid value: "${b.namespace}": must match ^[a-zA-Z0-9-]+$`,
      });
    if (seen.has(b.namespace))
      causes.push({
        field: `${at}.namespace`,
        message: `Duplicate value: "${b.namespace}"`,
      });
    seen.add(b.namespace);
    if (new Set(clusters).size !== clusters.length)
      causes.push({
        field: `${at}.clusters`,
        message: 'Duplicate value: clusters must be unique',
      });
    if (clusters.includes('*') && clusters.length > 1)
      causes.push({
        field: `${at}.clusters`,
        message: 'Invalid value: "*" must be the only cluster',
      });
    for (const c of clusters)
      if (c !== '*' && !members.includes(c))
        causes.push({
          field: `${at}.clusters`,
          message: `Invalid value: "${c}": cluster is not participating in the slice`,
        });
    extra?.(b.namespace, clusters.includes('*') ? members : clusters, i);
  });
}

/** Checks of member clusters that apply on create and to clusters added by an update. */
function memberRules(
  hub: Hub,
  slice: KubeObject,
  clusters: string[],
  network: boolean,
  causes: Cause[],
) {
  const ns = slice.metadata.namespace;
  for (const name of clusters) {
    const c = hub.get('clusters', ns, name);
    const at = 'spec.clusters';
    if (!c) {
      causes.push({
        field: at,
        message: `Invalid value: "${name}": cluster is not registered`,
      });
      continue;
    }
    if (c.status?.registrationStatus !== 'Registered')
      causes.push({
        field: at,
        message: `Invalid value: "${name}": cluster registration is not completed (registrationStatus ${
          c.status?.registrationStatus ?? 'empty'
        })`,
      });
    const health = c.status?.clusterHealth?.clusterHealthStatus;
    if (health && health !== 'Normal')
      causes.push({
        field: at,
        message: `Invalid value: "${name}": cluster health is not normal`,
      });
    if (!(c.spec?.nodeIPs?.length || c.status?.nodeIPs?.length))
      causes.push({
        field: at,
        message: `Invalid value: "${name}": cluster has no node IPs`,
      });
    if (network) {
      if (!c.status?.networkPresent)
        causes.push({
          field: at,
          message: `Invalid value: "${name}": networking (NSM) is not installed on the cluster`,
        });
      const cni: string[] = c.status?.cniSubnet ?? [];
      if (cni.length === 0)
        causes.push({
          field: at,
          message: `Invalid value: "${name}": cluster CNI subnet is not known yet`,
        });
      const subnet = slice.spec?.sliceSubnet;
      if (subnet && cni.some(s => cidrsOverlap(s, subnet)))
        causes.push({
          field: 'spec.sliceSubnet',
          message: `Invalid value: "${subnet}": slice subnet overlaps the CNI subnet of cluster ${name}`,
        });
    }
  }
}

function sliceCreateRules(
  hub: Hub,
  slice: KubeObject,
  causes: Cause[],
  checkClusters: string[],
): void {
  const spec = slice.spec ?? {};
  const members: string[] = spec.clusters ?? [];
  const network = spec.overlayNetworkDeploymentMode !== 'no-network';
  const name = slice.metadata.name!;
  const projectNs = slice.metadata.namespace!;
  const defaultSlice =
    name === `${projectNs.replace(/^kubeslice-/, '')}-default-slice`;
  if (!hub.isProjectNamespace(projectNs))
    causes.push({
      field: 'metadata.namespace',
      message: `Invalid value: "${projectNs}": SliceConfig must be applied on a project namespace`,
    });
  if (new Set(members).size !== members.length)
    causes.push({
      field: 'spec.clusters',
      message: 'Duplicate value: cluster names must be unique',
    });
  memberRules(hub, slice, checkClusters, network, causes);

  const clusterObjs = new Map(
    hub.list('clusters', projectNs).map(c => [c.metadata.name!, c]),
  );
  bindingRules(
    'spec.namespaceIsolationProfile.applicationNamespaces',
    spec.namespaceIsolationProfile?.applicationNamespaces,
    members,
    causes,
    (ns, clusters, i) => {
      const b = spec.namespaceIsolationProfile.applicationNamespaces[i];
      if (defaultSlice && b.clusters.includes('*'))
        causes.push({
          field: `spec.namespaceIsolationProfile.applicationNamespaces[${i}].clusters`,
          message: 'Invalid value: "*" is not allowed in the default slice',
        });
      for (const c of clusters) {
        const owner = clusterObjs
          .get(c)
          ?.status?.namespaces?.find((n: any) => n.name === ns)?.sliceName;
        if (owner && owner !== name)
          causes.push({
            field: `spec.namespaceIsolationProfile.applicationNamespaces[${i}].namespace`,
            message: `Invalid value: "${ns}": namespace is already onboarded to slice ${owner} on cluster ${c}`,
          });
      }
    },
  );
  bindingRules(
    'spec.namespaceIsolationProfile.allowedNamespaces',
    spec.namespaceIsolationProfile?.allowedNamespaces,
    members,
    causes,
  );

  const max = spec.maxClusters ?? 16;
  if (max < 2 || max > 32)
    causes.push({
      field: 'spec.maxClusters',
      message: `Invalid value: ${max}: maxClusters must be between 2 and 32`,
    });
  if (members.length > max)
    causes.push({
      field: 'spec.clusters',
      message: `Invalid value: ${members.length}: the number of clusters exceeds maxClusters ${max}`,
    });

  if (!network) return;
  if (!spec.sliceSubnet)
    causes.push({
      field: 'spec.sliceSubnet',
      message: 'Required value: sliceSubnet is required for a network slice',
    });
  else {
    const err = checkSliceSubnet(spec.sliceSubnet);
    if (err)
      causes.push({
        field: 'spec.sliceSubnet',
        message: `Invalid value: "${spec.sliceSubnet}": ${err}`,
      });
  }
  const provider = spec.sliceGatewayProvider;
  if (!provider)
    causes.push({
      field: 'spec.sliceGatewayProvider',
      message:
        'Required value: sliceGatewayProvider is required for a network slice',
    });
  const seenGw = new Set<string>();
  (provider?.sliceGatewayServiceType ?? []).forEach((t: any, i: number) => {
    const at = `spec.sliceGatewayProvider.sliceGatewayServiceType[${i}].cluster`;
    if (!t.cluster) causes.push({ field: at, message: 'Required value' });
    else if (t.cluster !== '*' && !members.includes(t.cluster))
      causes.push({
        field: at,
        message: `Invalid value: "${t.cluster}": cluster is not participating in the slice`,
      });
    if (seenGw.has(t.cluster))
      causes.push({ field: at, message: `Duplicate value: "${t.cluster}"` });
    seenGw.add(t.cluster);
  });
  const hasStd = Boolean(spec.standardQosProfileName);
  const hasInline = Boolean(spec.qosProfileDetails);
  if (hasStd === hasInline)
    causes.push({
      field: 'spec.qosProfileDetails',
      message:
        'Invalid value: exactly one of standardQosProfileName and qosProfileDetails must be set',
    });
  if (
    hasStd &&
    !hub.get('sliceqosconfigs', projectNs, spec.standardQosProfileName)
  )
    causes.push({
      field: 'spec.standardQosProfileName',
      message: `Invalid value: "${spec.standardQosProfileName}": SliceQoSConfig not found`,
    });
  const q = spec.qosProfileDetails;
  if (q && q.bandwidthCeilingKbps < q.bandwidthGuaranteedKbps)
    causes.push({
      field: 'spec.qosProfileDetails.bandwidthGuaranteedKbps',
      message: `Invalid value: ${q.bandwidthGuaranteedKbps}: bandwidthGuaranteedKbps must be less than or equal to bandwidthCeilingKbps`,
    });
  const owners = new Set<string>();
  let stars = 0;
  (spec.externalGatewayConfig ?? []).forEach((g: any, i: number) => {
    const at = `spec.externalGatewayConfig[${i}].clusters`;
    const clusters: string[] = g.clusters ?? [];
    if (clusters.includes('*')) {
      stars++;
      if (clusters.length > 1)
        causes.push({
          field: at,
          message: 'Invalid value: "*" must be the only cluster',
        });
    }
    for (const c of clusters) {
      if (c !== '*' && !members.includes(c))
        causes.push({
          field: at,
          message: `Invalid value: "${c}": cluster is not participating in the slice`,
        });
      if (c !== '*' && owners.has(c))
        causes.push({
          field: at,
          message: `Duplicate value: "${c}" appears in more than one entry`,
        });
      owners.add(c);
    }
  });
  if (stars > 1)
    causes.push({
      field: 'spec.externalGatewayConfig',
      message: 'Invalid value: "*" may appear in at most one entry',
    });
}

const IMMUTABLE: Array<[string, (s: any) => unknown]> = [
  ['spec.sliceSubnet', s => s.sliceSubnet],
  ['spec.sliceType', s => s.sliceType],
  [
    'spec.sliceGatewayProvider.sliceGatewayType',
    s => s.sliceGatewayProvider?.sliceGatewayType,
  ],
  [
    'spec.sliceGatewayProvider.sliceCaType',
    s => s.sliceGatewayProvider?.sliceCaType,
  ],
  ['spec.sliceIpamType', s => s.sliceIpamType],
  ['spec.vpnConfig.cipher', s => s.vpnConfig?.cipher],
  ['spec.maxClusters', s => s.maxClusters],
];

function sliceUpdateRules(
  hub: Hub,
  slice: KubeObject,
  old: KubeObject,
  causes: Cause[],
): void {
  const oldMode = old.spec?.overlayNetworkDeploymentMode ?? 'single-network';
  const newMode = slice.spec?.overlayNetworkDeploymentMode ?? 'single-network';
  const fromNoNetwork = oldMode === 'no-network' && newMode !== 'no-network';
  if (oldMode !== newMode && !fromNoNetwork)
    causes.push({
      field: 'spec.overlayNetworkDeploymentMode',
      message: `Invalid value: "${newMode}": overlayNetworkDeploymentMode can only change from no-network`,
    });
  if (!fromNoNetwork)
    for (const [field, get] of IMMUTABLE)
      if (
        JSON.stringify(get(old.spec ?? {})) !==
        JSON.stringify(get(slice.spec ?? {}))
      )
        causes.push({
          field,
          message: `Invalid value: ${JSON.stringify(
            get(slice.spec ?? {}),
          )}: field is immutable`,
        });
  const gwTypes = (s: KubeObject) =>
    new Map<string, any>(
      (s.spec?.sliceGatewayProvider?.sliceGatewayServiceType ?? []).map(
        (t: any) => [t.cluster, t],
      ),
    );
  const before = gwTypes(old);
  for (const [cluster, t] of gwTypes(slice)) {
    const prev = before.get(cluster);
    if (!prev) continue;
    if (prev.type === 'LoadBalancer' && t.type === 'NodePort')
      causes.push({
        field: 'spec.sliceGatewayProvider.sliceGatewayServiceType.type',
        message: `Invalid value: "NodePort": gateway type of ${cluster} cannot change from LoadBalancer to NodePort`,
      });
    if (prev.protocol !== t.protocol)
      causes.push({
        field: 'spec.sliceGatewayProvider.sliceGatewayServiceType.protocol',
        message: `Invalid value: "${t.protocol}": gateway protocol of ${cluster} is immutable`,
      });
  }
  const oldMembers: string[] = old.spec?.clusters ?? [];
  const added = (slice.spec?.clusters ?? []).filter(
    (c: string) => !oldMembers.includes(c),
  );
  sliceCreateRules(
    hub,
    slice,
    causes,
    fromNoNetwork ? slice.spec?.clusters ?? [] : added,
  );
}

function sliceDeleteRules(hub: Hub, slice: KubeObject, causes: Cause[]): void {
  const ns = slice.metadata.namespace;
  const name = slice.metadata.name!;
  for (const w of hub.list('workersliceconfigs', ns, WORKER)) {
    if (w.metadata.labels?.['original-slice-name'] !== name) continue;
    if (w.spec?.namespaceIsolationProfile?.applicationNamespaces?.length)
      causes.push({
        field: 'spec.namespaceIsolationProfile.applicationNamespaces',
        message:
          'Forbidden: Please deboard the namespaces before deletion of slice.',
      });
    else if (w.status?.onboardedAppNamespaces?.length)
      causes.push({
        field: 'status.onboardedAppNamespaces',
        message: `Forbidden: Deboarding of namespaces is in progress, please try after some time. Cluster: ${w.metadata.labels?.['worker-cluster']}`,
      });
    if (causes.length) break;
  }
  const exports = hub
    .list('serviceexportconfigs', ns)
    .filter(e => e.metadata.labels?.['original-slice-name'] === name);
  if (exports.length)
    causes.push({
      field: 'metadata.name',
      message: `Forbidden: The SliceConfig can only be deleted after all the service exports are deleted for the slice (${exports
        .map(e => e.metadata.name)
        .join(', ')})`,
    });
}

function validate(hub: Hub, req: AdmissionRequest): Cause[] {
  const causes: Cause[] = [];
  const { rt, object: obj, oldObject: old, operation } = req;
  if (req.subresource === 'status') return causes;
  const ns = (obj ?? old)!.metadata.namespace;
  switch (rt.plural) {
    case 'projects': {
      if (operation === 'DELETE') {
        const pns = `kubeslice-${old!.metadata.name}`;
        const slices = hub
          .list('sliceconfigs', pns)
          .filter(
            s => s.metadata.name !== `${old!.metadata.name}-default-slice`,
          );
        if (slices.length)
          causes.push({
            field: 'metadata.name',
            message: `Forbidden: The Project can only be deleted after all slices are deleted (${slices
              .map(s => s.metadata.name)
              .join(', ')})`,
          });
        break;
      }
      if (ns !== CONTROLLER_NAMESPACE)
        causes.push({
          field: 'metadata.namespace',
          message: `Invalid value: "${ns}": Project must be created in ${CONTROLLER_NAMESPACE}`,
        });
      const name = obj!.metadata.name!;
      if (name.includes('.'))
        causes.push({
          field: 'metadata.name',
          message: `Invalid value: "${name}": project name must not contain '.'`,
        });
      if (name.length > 30)
        causes.push({
          field: 'metadata.name',
          message: `Invalid value: "${name}": project name must be no more than 30 characters`,
        });
      for (const kind of ['readOnly', 'readWrite'])
        (obj!.spec?.serviceAccount?.[kind] ?? []).forEach(
          (u: string, i: number) => {
            if (!USER_NAME.test(u))
              causes.push({
                field: `spec.serviceAccount.${kind}[${i}]`,
                message: `Invalid value: "${u}": must match ${USER_NAME.source}`,
              });
          },
        );
      break;
    }
    case 'clusters': {
      if (operation === 'DELETE') {
        const wscs = hub
          .list('workersliceconfigs', ns, WORKER)
          .filter(
            w =>
              w.metadata.labels?.['worker-cluster'] === old!.metadata.name &&
              !w.metadata.labels?.['original-slice-name']?.endsWith(
                '-default-slice',
              ),
          );
        if (wscs.length)
          causes.push({
            field: 'metadata.name',
            message:
              'Forbidden: The cluster cannot be deleted which is participating in slice config',
          });
        break;
      }
      if (!hub.isProjectNamespace(ns))
        causes.push({
          field: 'metadata.namespace',
          message: `Invalid value: "${ns}": Cluster must be applied on a project namespace`,
        });
      const geo = obj!.spec?.clusterProperty?.geoLocation ?? {};
      for (const [key, lim] of [
        ['latitude', 90],
        ['longitude', 180],
      ] as const) {
        const v = geo[key];
        if (v === undefined || v === '') continue;
        const n = Number(v);
        if (!/^-?\d+(\.\d+)?$/.test(String(v).trim()) || n < -lim || n > lim)
          causes.push({
            field: `spec.clusterProperty.geoLocation.${key}`,
            message: `Invalid value: "${v}": ${key} must be a number in [-${lim}, ${lim}]`,
          });
      }
      (obj!.spec?.nodeIPs ?? []).forEach((ip: string, i: number) => {
        if (!isIp(ip))
          causes.push({
            field: `spec.nodeIPs[${i}]`,
            message: `Invalid value: "${ip}": must be a valid IP address`,
          });
      });
      break;
    }
    case 'sliceconfigs':
      if (operation === 'CREATE')
        sliceCreateRules(hub, obj!, causes, obj!.spec?.clusters ?? []);
      else if (operation === 'UPDATE') {
        if (!obj!.metadata.deletionTimestamp)
          sliceUpdateRules(hub, obj!, old!, causes);
      } else sliceDeleteRules(hub, old!, causes);
      break;
    case 'sliceqosconfigs': {
      if (operation === 'DELETE') {
        const users = hub
          .list('workersliceconfigs', ns, WORKER)
          .filter(
            w =>
              w.metadata.labels?.['standard-qos-profile'] ===
              old!.metadata.name,
          );
        if (users.length)
          causes.push({
            field: 'metadata.name',
            message: `Forbidden: The SliceQoSConfig is used by slices (${[
              ...new Set(users.map(w => w.spec?.sliceName)),
            ].join(', ')})`,
          });
        break;
      }
      if (!hub.isProjectNamespace(ns))
        causes.push({
          field: 'metadata.namespace',
          message: `Invalid value: "${ns}": SliceQoSConfig must be applied on a project namespace`,
        });
      const s = obj!.spec ?? {};
      if (s.bandwidthCeilingKbps < s.bandwidthGuaranteedKbps)
        causes.push({
          field: 'spec.bandwidthGuaranteedKbps',
          message: `Invalid value: ${s.bandwidthGuaranteedKbps}: bandwidthGuaranteedKbps must be less than or equal to bandwidthCeilingKbps`,
        });
      break;
    }
    case 'serviceexportconfigs': {
      if (operation === 'DELETE') break;
      if (!hub.isProjectNamespace(ns))
        causes.push({
          field: 'metadata.namespace',
          message: `Invalid value: "${ns}": ServiceExportConfig must be applied on a project namespace`,
        });
      const s = obj!.spec ?? {};
      const slice = hub.get('sliceconfigs', ns, s.sliceName);
      if (!slice) {
        causes.push({
          field: 'spec.sliceName',
          message: `Invalid value: "${s.sliceName}": slice does not exist`,
        });
        break;
      }
      const members: string[] = slice.spec?.clusters ?? [];
      const check = (c: string, field: string) => {
        const cl = hub.get('clusters', ns, c);
        if (
          !cl ||
          cl.status?.registrationStatus !== 'Registered' ||
          !members.includes(c)
        )
          causes.push({
            field,
            message: `Invalid value: "${c}": cluster must be registered and participating in slice ${s.sliceName}`,
          });
      };
      check(s.sourceCluster, 'spec.sourceCluster');
      (s.serviceDiscoveryEndpoints ?? []).forEach((e: any, i: number) =>
        check(e.cluster, `spec.serviceDiscoveryEndpoints[${i}].cluster`),
      );
      break;
    }
    case 'vpnkeyrotations': {
      if (operation === 'CREATE') {
        if (obj!.metadata.name !== obj!.spec?.sliceName)
          causes.push({
            field: 'metadata.name',
            message: `Invalid value: "${
              obj!.metadata.name
            }": name must equal spec.sliceName`,
          });
        if (!hub.get('sliceconfigs', ns, obj!.spec?.sliceName))
          causes.push({
            field: 'spec.sliceName',
            message: `Invalid value: "${
              obj!.spec?.sliceName
            }": SliceConfig does not exist`,
          });
      } else if (operation === 'DELETE') {
        const slice = hub.get('sliceconfigs', ns, old!.metadata.name!);
        if (slice && !slice.metadata.deletionTimestamp)
          causes.push({
            field: 'metadata.name',
            message:
              'Forbidden: VpnKeyRotation can only be deleted with its SliceConfig',
          });
      }
      break;
    }
    case 'workersliceconfigs':
    case 'workerslicegateways':
      if (operation === 'UPDATE') {
        const field =
          rt.plural === 'workersliceconfigs' ? 'octet' : 'gatewayNumber';
        if (
          old!.spec?.[field] !== undefined &&
          obj!.spec?.[field] !== old!.spec?.[field]
        )
          causes.push({
            field: `spec.${field}`,
            message: `Invalid value: ${obj!.spec?.[field]}: field is immutable`,
          });
      }
      break;
    default:
  }
  return causes;
}

/** The SliceConfig mutating webhook: vpnConfig defaults for network slices, none for no-network ones. */
function mutate(req: AdmissionRequest): KubeObject | void {
  if (
    req.rt.plural !== 'sliceconfigs' ||
    req.operation === 'DELETE' ||
    req.subresource
  )
    return undefined;
  const obj = req.object!;
  const spec = (obj.spec ??= {});
  if (spec.overlayNetworkDeploymentMode === 'no-network') delete spec.vpnConfig;
  else if (!spec.vpnConfig) spec.vpnConfig = { cipher: 'AES-256-CBC' };
  return obj;
}

/** The controller's webhooks as one admission plugin for the hub. */
export function controllerAdmission(
  hubCluster: VirtualCluster,
): AdmissionPlugin {
  const hub = new Hub(hubCluster);
  return req => {
    if (![CONTROLLER, WORKER].includes(req.rt.group)) return undefined;
    const mutated = mutate(req);
    const target = mutated ?? req.object;
    const causes = validate(hub, { ...req, object: target });
    if (causes.length)
      deny(req.rt, (target ?? req.oldObject)!.metadata.name ?? '', causes);
    return mutated;
  };
}

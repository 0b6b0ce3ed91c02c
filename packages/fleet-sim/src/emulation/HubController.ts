import { randomBytes } from 'node:crypto';
import { resourceKey } from '../api/resources';
import type { KubeObject } from '../api/types';
import type { PolicyRule } from '../server/auth';
import type { VirtualCluster } from '../server/VirtualCluster';
import { clusterBlock, gatewayVpnIps } from '../scenario/ipam';
import { CONTROLLER_NAMESPACE, DEFAULT_QOS } from '../scenario/plan';
import { randomInt, seededRandom } from '../scenario/random';
import {
  readOnlyRules,
  readWriteRules,
  workerClusterRules,
} from '../scenario/rbac';
import { k8sTime } from '../scenario/time';
import type { FleetRuntime } from './FleetRuntime';
import type { WorkQueue } from './WorkQueue';
import { ClusterWriter } from './writes';

/**
 * The KubeSlice controller, emulated (REFERENCE §2, §6.1, §6.4): a reconcile
 * loop over the hub's store. Every change to a Project, Cluster, SliceConfig,
 * SliceQoSConfig or ServiceExportConfig — written by a client through the API
 * or by the scenario loader — queues a reconcile of that object, which
 * brings the generated objects (project namespace, roles, service accounts
 * and token Secrets, default QoS, worker secrets, WorkerSliceConfigs,
 * WorkerSliceGateways and their Secrets, VpnKeyRotations,
 * WorkerServiceImports) in line with it and records the catalogue's events.
 * Reconciles are idempotent: an object that is already right is not
 * rewritten, so seeded objects are adopted as they are.
 */

const CONTROLLER = 'controller.kubeslice.io';
const WORKER = 'worker.kubeslice.io';
const CONTROLLER_V = `${CONTROLLER}/v1alpha1`;
const WORKER_V = `${WORKER}/v1alpha1`;
export const CLUSTER_FINALIZER = 'controller.kubeslice.io/cluster-finalizer';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: string | undefined) =>
  s ? Buffer.from(s, 'base64').toString('utf8') : '';

export interface HubControllerOptions {
  runtime: FleetRuntime;
  queue: WorkQueue;
  seed: number;
  /** CA the token Secrets carry as `ca.crt`. */
  caPem: string;
  /** `controllerEndpoint` of worker Secrets (the hub's URL). */
  controllerEndpoint: string;
  newToken?: () => string;
}

/** Roles in the Kubernetes shape (the simulator's rules carry their namespace separately). */
function k8sRules(rules: PolicyRule[]) {
  return rules.map(r => ({
    apiGroups: r.apiGroups,
    resources: r.resources,
    verbs: r.verbs,
  }));
}

const ROLES: Array<{
  name: string;
  rules: (ns: string) => PolicyRule[];
  event: string;
}> = [
  {
    name: 'kubeslice-worker-cluster',
    rules: workerClusterRules,
    event: 'WorkerClusterRoleCreated',
  },
  {
    name: 'kubeslice-read-only',
    rules: readOnlyRules,
    event: 'ReadOnlyRoleCreated',
  },
  {
    name: 'kubeslice-read-write',
    rules: readWriteRules,
    event: 'ReadWriteRoleCreated',
  },
];

/** Expands `[{namespace, clusters: [..] | ['*']}]` for one member cluster. */
export function namespacesFor(
  bindings: Array<{ namespace?: string; clusters?: string[] }> | undefined,
  cluster: string,
): string[] {
  return (bindings ?? [])
    .filter(
      b =>
        b.namespace &&
        ((b.clusters ?? []).includes('*') ||
          (b.clusters ?? []).includes(cluster)),
    )
    .map(b => b.namespace!);
}

export class HubController {
  readonly hub: VirtualCluster;
  private readonly w: ClusterWriter;
  private readonly runtime: FleetRuntime;
  private readonly queue: WorkQueue;
  private readonly seed: number;
  private readonly caPem: string;
  private readonly controllerEndpoint: string;
  private readonly newToken: () => string;
  private unsubscribe?: () => void;

  constructor(options: HubControllerOptions) {
    this.runtime = options.runtime;
    this.hub = options.runtime.hub;
    this.w = new ClusterWriter(this.hub);
    this.queue = options.queue;
    this.seed = options.seed;
    this.caPem = options.caPem;
    this.controllerEndpoint = options.controllerEndpoint;
    this.newToken =
      options.newToken ?? (() => randomBytes(32).toString('base64url'));
  }

  /** Starts reacting to changes; `adopt` also reconciles what the store already holds. */
  start(adopt = false): void {
    const keys = {
      projects: resourceKey({ group: CONTROLLER, plural: 'projects' }),
      clusters: resourceKey({ group: CONTROLLER, plural: 'clusters' }),
      slices: resourceKey({ group: CONTROLLER, plural: 'sliceconfigs' }),
      qos: resourceKey({ group: CONTROLLER, plural: 'sliceqosconfigs' }),
      exports: resourceKey({
        group: CONTROLLER,
        plural: 'serviceexportconfigs',
      }),
    };
    this.unsubscribe = this.hub.store.subscribe(ev => {
      const o = ev.object;
      const ns = o.metadata.namespace;
      const name = o.metadata.name!;
      switch (ev.resource) {
        case keys.projects:
          this.queueProject(name);
          break;
        case keys.clusters:
          this.queueCluster(ns!, name);
          break;
        case keys.slices:
          this.queueSlice(ns!, name);
          break;
        case keys.qos:
          // Slices using a profile carry its values: re-resolve them.
          for (const s of this.w.list('sliceconfigs', ns, CONTROLLER))
            if (s.spec?.standardQosProfileName === name)
              this.queueSlice(ns!, s.metadata.name!);
          break;
        case keys.exports:
          this.queueImports(
            ns!,
            o.spec?.sliceName,
            o.spec?.serviceName,
            o.spec?.serviceNamespace,
          );
          break;
        default:
      }
    });
    if (adopt) {
      for (const p of this.w.list('projects', undefined, CONTROLLER))
        this.queueProject(p.metadata.name!);
      for (const c of this.w.list('clusters', undefined, CONTROLLER))
        this.queueCluster(c.metadata.namespace!, c.metadata.name!);
      for (const s of this.w.list('sliceconfigs', undefined, CONTROLLER))
        this.queueSlice(s.metadata.namespace!, s.metadata.name!);
    }
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private queueProject(name: string): void {
    this.queue.enqueue(`project/${name}`, () => this.reconcileProject(name));
  }

  private queueCluster(ns: string, name: string): void {
    this.queue.enqueue(`cluster/${ns}/${name}`, () =>
      this.reconcileCluster(ns, name),
    );
  }

  private queueSlice(ns: string, name: string): void {
    this.queue.enqueue(`slice/${ns}/${name}`, () =>
      this.reconcileSlice(ns, name),
    );
  }

  private queueImports(
    ns: string,
    slice: string | undefined,
    svc: string | undefined,
    svcNs: string | undefined,
  ): void {
    if (!slice || !svc || !svcNs) return;
    this.queue.enqueue(`imports/${ns}/${slice}/${svc}/${svcNs}`, () =>
      this.reconcileImports(ns, slice, svc, svcNs),
    );
  }

  private event(
    name: string,
    namespace: string,
    involved:
      | KubeObject
      | { apiVersion: string; kind: string; name: string; namespace?: string },
    labels: { sliceName?: string; project: string },
  ): void {
    const inv =
      'metadata' in involved
        ? {
            apiVersion: (involved as KubeObject).apiVersion,
            kind: (involved as KubeObject).kind,
            name: (involved as KubeObject).metadata.name!,
            namespace: (involved as KubeObject).metadata.namespace,
          }
        : involved;
    this.runtime.recordEvent(
      this.hub,
      name,
      {
        namespace,
        involved: inv,
        sliceName: labels.sliceName,
        sliceCluster: 'controller',
        sliceProject: labels.project,
      },
      'controller',
    );
  }

  // ---------------------------------------------------------------- tokens

  /**
   * A service account with its RoleBinding and token Secret; the token is
   * registered with the hub's authenticator under the role's rules. An
   * existing Secret keeps its token (re-registered, e.g. after a restart of
   * the reconcile loop).
   */
  private ensureServiceAccount(
    ns: string,
    name: string,
    role: string,
    rules: PolicyRule[],
    project: string,
    extraData: Record<string, string> = {},
    annotations: Record<string, string> = {},
  ): boolean {
    let created = false;
    const sa = this.w.apply({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name,
        namespace: ns,
        ...(Object.keys(annotations).length ? { annotations } : {}),
      },
      secrets: [{ name }],
    });
    if (sa.created) {
      created = true;
      this.event('ServiceAccountCreated', ns, sa.object, { project });
    }
    this.w.apply({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace: ns },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: role,
      },
      subjects: [{ kind: 'ServiceAccount', name, namespace: ns }],
    });
    const existing = this.w.get('secrets', ns, name);
    const token = unb64((existing as any)?.data?.token) || this.newToken();
    const secret = this.w.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name,
        namespace: ns,
        annotations: {
          ...annotations,
          'kubernetes.io/service-account.name': name,
        },
      },
      data: {
        token: b64(token),
        'ca.crt': b64(this.caPem),
        namespace: b64(ns),
        ...Object.fromEntries(
          Object.entries(extraData).map(([k, v]) => [k, b64(v)]),
        ),
      },
    });
    if (secret.created)
      this.event('ServiceAccountSecretCreated', ns, secret.object, {
        project,
      });
    this.hub.tokens.add(token, {
      username: `system:serviceaccount:${ns}:${name}`,
      groups: [
        'system:serviceaccounts',
        `system:serviceaccounts:${ns}`,
        'system:authenticated',
      ],
      rules,
    });
    return created;
  }

  private removeServiceAccount(ns: string, name: string): boolean {
    const secret = this.w.get('secrets', ns, name);
    const token = unb64((secret as any)?.data?.token);
    if (token) this.hub.tokens.remove(token);
    const a = this.w.remove('secrets', ns, name);
    const b = this.w.remove(
      'rolebindings',
      ns,
      name,
      'rbac.authorization.k8s.io',
    );
    const c = this.w.remove('serviceaccounts', ns, name);
    return a || b || c;
  }

  // ---------------------------------------------------------------- Project

  reconcileProject(name: string): void {
    const project = this.w.get(
      'projects',
      CONTROLLER_NAMESPACE,
      name,
      CONTROLLER,
    );
    const ns = `kubeslice-${name}`;
    if (!project) {
      this.deleteProjectNamespace(name, ns);
      return;
    }
    const nsResult = this.w.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: {
          'kubernetes.io/metadata.name': ns,
          'kubeslice-resource-owner': 'kubeslice-controller',
          'kubeslice-controller-resource-name': `Project-${ns}`,
        },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    if (nsResult.created)
      this.event('NamespaceCreated', CONTROLLER_NAMESPACE, project, {
        project: name,
      });
    if (project.metadata.labels?.['kubeslice-project-namespace'] !== ns)
      this.w.apply({
        ...project,
        metadata: {
          ...project.metadata,
          labels: { 'kubeslice-project-namespace': ns },
        },
      });

    for (const role of ROLES) {
      const r = this.w.apply({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: {
          name: role.name,
          namespace: ns,
          labels: { 'kubeslice-controller-resource-name': `Project-${ns}` },
        },
        rules: k8sRules(role.rules(ns)),
      });
      if (r.created)
        this.event(role.event, CONTROLLER_NAMESPACE, project, {
          project: name,
        });
    }

    const wanted = new Set<string>();
    for (const [kind, prefix, role, rules, access] of [
      [
        'readOnly',
        'kubeslice-rbac-ro-',
        'kubeslice-read-only',
        readOnlyRules,
        'read-only',
      ],
      [
        'readWrite',
        'kubeslice-rbac-rw-',
        'kubeslice-read-write',
        readWriteRules,
        'read-write',
      ],
    ] as const) {
      for (const user of project.spec?.serviceAccount?.[kind] ?? []) {
        const sa = `${prefix}${String(user).toLowerCase()}`;
        wanted.add(sa);
        if (
          this.ensureServiceAccount(
            ns,
            sa,
            role,
            rules(ns),
            name,
            {},
            {
              'controller.kubeslice.io/access-type': access,
            },
          )
        )
          this.event(
            'DefaultRoleBindingCreated',
            CONTROLLER_NAMESPACE,
            project,
            {
              project: name,
            },
          );
      }
    }
    // Users no longer listed lose their account and token.
    for (const sa of this.w.list('serviceaccounts', ns)) {
      const n = sa.metadata.name!;
      if (!/^kubeslice-rbac-r[ow]-/.test(n) || wanted.has(n)) continue;
      if (this.removeServiceAccount(ns, n))
        this.event(
          'InactiveServiceAccountDeleted',
          CONTROLLER_NAMESPACE,
          project,
          {
            project: name,
          },
        );
    }

    const qos = this.w.apply({
      apiVersion: CONTROLLER_V,
      kind: 'SliceQoSConfig',
      metadata: { name: 'default', namespace: ns },
      spec: { ...DEFAULT_QOS },
    });
    if (qos.created)
      this.event('DefaultSliceQoSConfigCreated', ns, qos.object, {
        project: name,
      });
  }

  private deleteProjectNamespace(name: string, ns: string): void {
    if (!this.w.get('namespaces', undefined, ns)) return;
    for (const rt of this.hub.registry.all().filter(t => t.namespaced)) {
      for (const obj of this.hub.store.list(rt, ns)) {
        if (rt.plural === 'secrets') {
          const token = unb64((obj as any).data?.token);
          if (token) this.hub.tokens.remove(token);
        }
        this.hub.store.delete(rt, ns, obj.metadata.name!);
      }
    }
    this.w.remove('namespaces', undefined, ns);
    this.event(
      'ProjectDeleted',
      CONTROLLER_NAMESPACE,
      {
        apiVersion: CONTROLLER_V,
        kind: 'Project',
        name,
        namespace: CONTROLLER_NAMESPACE,
      },
      { project: name },
    );
  }

  // ---------------------------------------------------------------- Cluster

  reconcileCluster(ns: string, name: string): void {
    const cluster = this.w.get('clusters', ns, name, CONTROLLER);
    if (!cluster) return;
    const project = ns.replace(/^kubeslice-/, '');
    const secretName = `kubeslice-rbac-worker-${name}`;
    if (cluster.metadata.deletionTimestamp) {
      // Deregistration: the worker's credentials go, then the finalizer, then the object.
      this.removeServiceAccount(ns, secretName);
      this.w.remove('secrets', ns, `${name}-kubernetes-dashboard`);
      const rt = this.w.type('clusters', CONTROLLER);
      const updated = this.hub.store.mutate(rt, ns, name, o => {
        o.metadata.finalizers = (o.metadata.finalizers ?? []).filter(
          (f: string) => f !== CLUSTER_FINALIZER,
        );
      });
      if (updated && !updated.metadata.finalizers?.length)
        this.hub.store.delete(rt, ns, name);
      this.event('ClusterDeregistered', ns, cluster, { project });
      this.event('ClusterDeleted', ns, cluster, { project });
      return;
    }
    if (!(cluster.metadata.finalizers ?? []).includes(CLUSTER_FINALIZER))
      this.w.apply({
        ...cluster,
        metadata: {
          ...cluster.metadata,
          finalizers: [
            ...(cluster.metadata.finalizers ?? []),
            CLUSTER_FINALIZER,
          ],
        },
      });
    this.ensureServiceAccount(
      ns,
      secretName,
      'kubeslice-worker-cluster',
      workerClusterRules(ns),
      project,
      { controllerEndpoint: this.controllerEndpoint, clusterName: name },
    );
    if (cluster.status?.secretName !== secretName)
      this.w.updateStatus('clusters', ns, name, CONTROLLER, s => {
        s.secretName = secretName;
      });
  }

  // ---------------------------------------------------------------- SliceConfig

  private qosFor(ns: string, slice: KubeObject) {
    const name = slice.spec?.standardQosProfileName;
    if (slice.spec?.qosProfileDetails)
      return { details: { ...DEFAULT_QOS, ...slice.spec.qosProfileDetails } };
    if (!name) return { details: undefined };
    const profile = this.w.get('sliceqosconfigs', ns, name, CONTROLLER);
    return {
      profile: name,
      details: profile ? { ...DEFAULT_QOS, ...profile.spec } : undefined,
    };
  }

  private generated(plural: string, ns: string, slice: string): KubeObject[] {
    return this.w
      .list(plural, ns, WORKER)
      .filter(o => o.metadata.labels?.['original-slice-name'] === slice);
  }

  reconcileSlice(ns: string, name: string): void {
    const slice = this.w.get('sliceconfigs', ns, name, CONTROLLER);
    if (!slice || slice.metadata.deletionTimestamp) {
      this.cleanupSlice(ns, name, slice);
      return;
    }
    const project = ns.replace(/^kubeslice-/, '');
    const spec = slice.spec ?? {};
    const members: string[] = spec.clusters ?? [];
    const mode = spec.overlayNetworkDeploymentMode ?? 'single-network';
    const network = mode !== 'no-network' && Boolean(spec.sliceSubnet);
    const maxClusters = spec.maxClusters ?? 16;
    const qos = network ? this.qosFor(ns, slice) : { details: undefined };
    const gwTypes: Array<{
      cluster: string;
      type?: string;
      protocol?: string;
    }> = spec.sliceGatewayProvider?.sliceGatewayServiceType ?? [];
    const gwType = (cluster: string) =>
      gwTypes.find(t => t.cluster === cluster) ??
      gwTypes.find(t => t.cluster === '*') ??
      ({} as { type?: string; protocol?: string });

    // IPAM: a member keeps its block; a new one takes the lowest free index.
    const existing = new Map(
      this.generated('workersliceconfigs', ns, name).map(o => [
        o.metadata.labels?.['worker-cluster'] as string,
        o,
      ]),
    );
    const used = new Set<number>();
    for (const [c, o] of existing)
      if (members.includes(c) && typeof o.spec?.ipamClusterOctet === 'number')
        used.add(o.spec.ipamClusterOctet);
    const indexOf = new Map<string, number>();
    for (const c of members) {
      const o = existing.get(c);
      if (o && typeof o.spec?.ipamClusterOctet === 'number') {
        indexOf.set(c, o.spec.ipamClusterOctet);
        continue;
      }
      let i = 0;
      while (used.has(i)) i++;
      used.add(i);
      indexOf.set(c, i);
    }

    for (const cluster of members) {
      const index = indexOf.get(cluster)!;
      const block = network
        ? clusterBlock(spec.sliceSubnet, maxClusters, index)
        : undefined;
      const t = gwType(cluster);
      const desired: KubeObject = {
        apiVersion: WORKER_V,
        kind: 'WorkerSliceConfig',
        metadata: {
          name: `${name}-${cluster}`,
          namespace: ns,
          labels: {
            'worker-cluster': cluster,
            'original-slice-name': name,
            'project-namespace': ns,
            'kubeslice-manager': 'controller',
            ...(qos.profile ? { 'standard-qos-profile': qos.profile } : {}),
          },
        },
        spec: {
          sliceName: name,
          sliceType: spec.sliceType ?? 'Application',
          overlayNetworkDeploymentMode: mode,
          ...(network
            ? {
                sliceSubnet: spec.sliceSubnet,
                clusterSubnetCIDR: block!.cidr,
                octet: block!.octet,
                ipamClusterOctet: index,
                sliceGatewayProvider: {
                  sliceGatewayType:
                    spec.sliceGatewayProvider?.sliceGatewayType ?? 'OpenVPN',
                  sliceCaType:
                    spec.sliceGatewayProvider?.sliceCaType ?? 'Local',
                  sliceGatewayServiceType: t.type ?? 'NodePort',
                  sliceGatewayProtocol: t.protocol ?? 'UDP',
                },
                sliceIpamType: spec.sliceIpamType ?? 'Local',
                ...(qos.details ? { qosProfileDetails: qos.details } : {}),
              }
            : { sliceIpamType: spec.sliceIpamType ?? 'Local' }),
          namespaceIsolationProfile: {
            applicationNamespaces: namespacesFor(
              spec.namespaceIsolationProfile?.applicationNamespaces,
              cluster,
            ),
            allowedNamespaces: namespacesFor(
              spec.namespaceIsolationProfile?.allowedNamespaces,
              cluster,
            ),
            isolationEnabled:
              spec.namespaceIsolationProfile?.isolationEnabled ?? false,
          },
        },
      };
      const old = existing.get(cluster);
      if (old && old.metadata.labels?.['standard-qos-profile'] && !qos.profile)
        this.hub.store.mutate(
          this.w.type('workersliceconfigs', WORKER),
          ns,
          old.metadata.name!,
          o => {
            delete o.metadata.labels?.['standard-qos-profile'];
          },
        );
      const r = this.w.apply(desired);
      if (r.created)
        this.event('WorkerSliceConfigCreated', ns, r.object, {
          sliceName: name,
          project,
        });
      else if (r.changed)
        this.event('WorkerSliceConfigUpdated', ns, r.object, {
          sliceName: name,
          project,
        });
    }
    for (const [cluster, o] of existing) {
      if (members.includes(cluster)) continue;
      this.w.remove('workersliceconfigs', ns, o.metadata.name!, WORKER);
      this.event('WorkerSliceConfigDeleted', ns, o, {
        sliceName: name,
        project,
      });
    }

    this.reconcileGateways(ns, slice, network, indexOf, project);
    this.reconcileVpnKeyRotation(ns, slice, network, project);

    // Membership decides who imports: every exported service of the slice is re-derived.
    const exported = new Set<string>();
    for (const e of this.w.list('serviceexportconfigs', ns, CONTROLLER))
      if (e.spec?.sliceName === name)
        exported.add(`${e.spec.serviceName}\u0000${e.spec.serviceNamespace}`);
    for (const w of this.generated('workerserviceimports', ns, name))
      exported.add(`${w.spec?.serviceName}\u0000${w.spec?.serviceNamespace}`);
    for (const key of exported) {
      const [svc, svcNs] = key.split('\u0000');
      this.queueImports(ns, name, svc, svcNs);
    }
  }

  private reconcileGateways(
    ns: string,
    slice: KubeObject,
    network: boolean,
    indexOf: Map<string, number>,
    project: string,
  ): void {
    const name = slice.metadata.name!;
    const spec = slice.spec ?? {};
    const members: string[] = network ? spec.clusters ?? [] : [];
    const maxClusters = spec.maxClusters ?? 16;
    const existing = new Map(
      this.generated('workerslicegateways', ns, name).map(o => [
        o.metadata.name!,
        o,
      ]),
    );
    let nextNumber = Math.max(
      0,
      ...[...existing.values()].map(o => Number(o.spec?.gatewayNumber) || 0),
    );
    const wanted = new Set<string>();
    const clusters = this.runtime.clusterObjects();
    const nodeIps = (c: string): string[] => {
      const o = clusters.get(c);
      return o?.status?.nodeIPs?.length
        ? o.status.nodeIPs
        : o?.spec?.nodeIPs ?? [];
    };
    const gwTypes: Array<{
      cluster: string;
      type?: string;
      protocol?: string;
    }> = spec.sliceGatewayProvider?.sliceGatewayServiceType ?? [];
    const vpn = network ? gatewayVpnIps(spec.sliceSubnet) : undefined;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const server = members[i];
        const client = members[j];
        const serverName = `${name}-${server}-${client}`;
        const clientName = `${name}-${client}-${server}`;
        wanted.add(serverName);
        wanted.add(clientName);
        if (existing.has(serverName) && existing.has(clientName)) {
          this.gatewaySecret(ns, serverName, name, 'Server');
          this.gatewaySecret(ns, clientName, name, 'Client');
          continue;
        }
        // Same pair number on both directions; a pair keeps its number.
        const number =
          Number(
            existing.get(serverName)?.spec?.gatewayNumber ??
              existing.get(clientName)?.spec?.gatewayNumber,
          ) || ++nextNumber;
        const t =
          gwTypes.find(g => g.cluster === server) ??
          gwTypes.find(g => g.cluster === '*') ??
          ({} as { type?: string; protocol?: string });
        const rng = seededRandom(this.seed, 'gateway', name, server, client);
        const nodePorts = [
          randomInt(rng, 30000, 32767),
          randomInt(rng, 30000, 32767),
        ];
        const side = (cluster: string, gwName: string, isServer: boolean) => ({
          clusterName: cluster,
          gatewayName: gwName,
          gatewaySubnet: clusterBlock(
            spec.sliceSubnet,
            maxClusters,
            indexOf.get(cluster) ?? 0,
          ).cidr,
          ...(nodeIps(cluster).length
            ? { nodeIp: nodeIps(cluster)[0], nodeIps: nodeIps(cluster) }
            : {}),
          vpnIp: isServer ? vpn!.server : vpn!.client,
          ...(isServer ? { nodePort: nodePorts[0], nodePorts } : {}),
        });
        for (const [local, remote, hostType, gwName, peerName] of [
          [server, client, 'Server', serverName, clientName],
          [client, server, 'Client', clientName, serverName],
        ] as const) {
          const isServer = hostType === 'Server';
          const r = this.w.apply({
            apiVersion: WORKER_V,
            kind: 'WorkerSliceGateway',
            metadata: {
              name: gwName,
              namespace: ns,
              labels: {
                'worker-cluster': local,
                'remote-cluster': remote,
                'original-slice-name': name,
                'project-namespace': ns,
                'kubeslice-manager': 'controller',
              },
            },
            spec: {
              sliceName: name,
              gatewayType:
                spec.sliceGatewayProvider?.sliceGatewayType ?? 'OpenVPN',
              gatewayHostType: hostType,
              gatewayConnectivityType: t.type ?? 'NodePort',
              gatewayProtocol: t.protocol ?? 'UDP',
              gatewayCredentials: { secretName: gwName },
              gatewayNumber: number,
              localGatewayConfig: side(local, gwName, isServer),
              remoteGatewayConfig: side(remote, peerName, !isServer),
            },
            status: {
              gatewayNumber: number,
              clusterInsertionIndex: indexOf.get(local) ?? 0,
            },
          });
          this.gatewaySecret(ns, gwName, name, hostType);
          if (r.created)
            this.event('WorkerSliceGatewayCreated', ns, r.object, {
              sliceName: name,
              project,
            });
        }
      }
    }
    for (const [gwName, o] of existing) {
      if (wanted.has(gwName)) continue;
      this.w.remove('workerslicegateways', ns, gwName, WORKER);
      this.w.remove('secrets', ns, gwName);
      this.event('WorkerSliceGatewayDeleted', ns, o, {
        sliceName: name,
        project,
      });
    }
  }

  /** The gateway credential Secret (OpenVPN material), named after its WorkerSliceGateway. */
  private gatewaySecret(
    ns: string,
    gwName: string,
    slice: string,
    hostType: string,
  ): void {
    if (this.w.get('secrets', ns, gwName)) return;
    const rng = seededRandom(this.seed, 'gateway-secret', ns, gwName);
    // Placeholder key material (no real PKI): short, so fleets of thousands of gateways stay light.
    const material = () =>
      b64(
        Math.floor(rng() * 2 ** 32)
          .toString(16)
          .padStart(8, '0'),
      );
    this.w.apply({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: {
        name: gwName,
        namespace: ns,
        labels: {
          'original-slice-name': slice,
          'kubeslice-manager': 'controller',
        },
        annotations: { 'kubeslice.io/gateway-host-type': hostType },
      },
      data: {
        'ca.crt': material(),
        ...(hostType === 'Server'
          ? { 'server.crt': material(), 'server.key': material() }
          : { 'client.crt': material(), 'client.key': material() }),
      },
    });
  }

  private reconcileVpnKeyRotation(
    ns: string,
    slice: KubeObject,
    network: boolean,
    project: string,
  ): void {
    const name = slice.metadata.name!;
    const existing = this.w.get('vpnkeyrotations', ns, name, CONTROLLER);
    if (!network) {
      if (existing) this.w.remove('vpnkeyrotations', ns, name, CONTROLLER);
      return;
    }
    const members: string[] = slice.spec?.clusters ?? [];
    const gateways = this.generated('workerslicegateways', ns, name);
    const mapping = Object.fromEntries(
      members.map(c => [
        c,
        gateways
          .filter(g => g.metadata.labels?.['worker-cluster'] === c)
          .sort(
            (a, b) =>
              members.indexOf(a.metadata.labels?.['remote-cluster'] ?? '') -
              members.indexOf(b.metadata.labels?.['remote-cluster'] ?? ''),
          )
          .map(g => g.metadata.name!),
      ]),
    );
    const rotationInterval = slice.spec?.rotationInterval ?? 30;
    const created = existing?.spec?.certificateCreationTime
      ? new Date(existing.spec.certificateCreationTime)
      : new Date(
          Date.parse(slice.metadata.creationTimestamp ?? '') ||
            this.runtime.now().getTime(),
        );
    const r = this.w.apply({
      apiVersion: CONTROLLER_V,
      kind: 'VpnKeyRotation',
      metadata: { name, namespace: ns },
      spec: {
        sliceName: name,
        clusters: members,
        clusterGatewayMapping: mapping,
        certificateCreationTime: k8sTime(created),
        certificateExpiryTime: k8sTime(
          new Date(created.getTime() + rotationInterval * 24 * 3600 * 1000),
        ),
        rotationInterval,
        rotationCount: existing?.spec?.rotationCount ?? 1,
      },
    });
    // Gateways without a rotation state yet have fresh certificates.
    const names = gateways.map(g => g.metadata.name!);
    const state = r.object.status?.currentRotationState ?? {};
    if (
      names.some(n => !state[n]) ||
      Object.keys(state).some(n => !names.includes(n))
    ) {
      const stamp = k8sTime(this.runtime.now());
      this.w.updateStatus('vpnkeyrotations', ns, name, CONTROLLER, s => {
        const current: Record<string, unknown> = {};
        const history: Record<string, unknown> = {};
        for (const n of names) {
          current[n] = s.currentRotationState?.[n] ?? {
            status: 'COMPLETE',
            lastUpdatedTimestamp: stamp,
          };
          history[n] = s.statusHistory?.[n] ?? [current[n]];
        }
        s.currentRotationState = current;
        s.statusHistory = history;
      });
    }
    if (r.created)
      this.event('VPNKeyRotationConfigCreated', ns, r.object, {
        sliceName: name,
        project,
      });
  }

  private cleanupSlice(
    ns: string,
    name: string,
    slice: KubeObject | undefined,
  ): void {
    const project = ns.replace(/^kubeslice-/, '');
    let removed = false;
    for (const plural of [
      'workerserviceimports',
      'workerslicegateways',
      'workersliceconfigs',
    ]) {
      for (const o of this.generated(plural, ns, name)) {
        this.w.remove(plural, ns, o.metadata.name!, WORKER);
        if (plural === 'workerslicegateways')
          this.w.remove('secrets', ns, o.metadata.name!);
        removed = true;
      }
    }
    if (this.w.remove('vpnkeyrotations', ns, name, CONTROLLER)) removed = true;
    if (slice?.metadata.deletionTimestamp) {
      const rt = this.w.type('sliceconfigs', CONTROLLER);
      this.hub.store.mutate(rt, ns, name, o => {
        o.metadata.finalizers = [];
      });
      this.hub.store.delete(rt, ns, name);
      removed = true;
    }
    if (removed)
      this.event(
        'SliceConfigDeleted',
        ns,
        { apiVersion: CONTROLLER_V, kind: 'SliceConfig', name, namespace: ns },
        { sliceName: name, project },
      );
  }

  // ---------------------------------------------------------------- imports

  /**
   * One WorkerServiceImport `<svc>-<ns>-<slice>-<cluster>` per slice member,
   * merging the source clusters and endpoints of every exporting cluster's
   * ServiceExportConfig (in slice member order).
   */
  reconcileImports(
    ns: string,
    sliceName: string,
    svc: string,
    svcNs: string,
  ): void {
    const project = ns.replace(/^kubeslice-/, '');
    const slice = this.w.get('sliceconfigs', ns, sliceName, CONTROLLER);
    const members: string[] = slice?.spec?.clusters ?? [];
    const order = (c: string) => {
      const i = members.indexOf(c);
      return i < 0 ? members.length : i;
    };
    const exporters = this.w
      .list('serviceexportconfigs', ns, CONTROLLER)
      .filter(
        e =>
          e.spec?.sliceName === sliceName &&
          e.spec?.serviceName === svc &&
          e.spec?.serviceNamespace === svcNs &&
          members.includes(e.spec?.sourceCluster),
      )
      .sort(
        (a, b) => order(a.spec.sourceCluster) - order(b.spec.sourceCluster),
      );
    const current = this.generated(
      'workerserviceimports',
      ns,
      sliceName,
    ).filter(
      o => o.spec?.serviceName === svc && o.spec?.serviceNamespace === svcNs,
    );
    const wanted = new Set<string>();
    if (exporters.length) {
      const ports = exporters[0].spec?.serviceDiscoveryPorts ?? [];
      const aliases = [
        ...new Set(exporters.flatMap(e => e.spec?.aliases ?? [])),
      ] as string[];
      for (const cluster of members) {
        const wsiName = `${svc}-${svcNs}-${sliceName}-${cluster}`;
        wanted.add(wsiName);
        const r = this.w.apply({
          apiVersion: WORKER_V,
          kind: 'WorkerServiceImport',
          metadata: {
            name: wsiName,
            namespace: ns,
            labels: {
              'worker-cluster': cluster,
              'project-namespace': ns,
              'original-slice-name': sliceName,
              'kubeslice-manager': 'controller',
            },
          },
          spec: {
            serviceName: svc,
            serviceNamespace: svcNs,
            sliceName,
            sourceClusters: exporters.map(e => e.spec.sourceCluster),
            ...(aliases.length ? { aliases } : {}),
            serviceDiscoveryEndpoints: exporters.flatMap(
              e => e.spec?.serviceDiscoveryEndpoints ?? [],
            ),
            serviceDiscoveryPorts: ports,
          },
        });
        if (r.created)
          this.event('WorkerServiceImportCreated', ns, r.object, {
            sliceName,
            project,
          });
        else if (r.changed)
          this.event('WorkerServiceImportUpdated', ns, r.object, {
            sliceName,
            project,
          });
      }
    }
    for (const o of current) {
      if (wanted.has(o.metadata.name!)) continue;
      this.w.remove('workerserviceimports', ns, o.metadata.name!, WORKER);
      this.event('WorkerServiceImportDeleted', ns, o, { sliceName, project });
    }
  }
}

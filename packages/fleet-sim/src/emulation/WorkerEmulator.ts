import { resourceKey } from '../api/resources';
import type { KubeObject } from '../api/types';
import { intToIp, ipToInt } from '../scenario/ipam';
import { EXCLUDED_NAMESPACES, WORKER_NAMESPACE } from '../scenario/plan';
import { nameSuffix, seededRandom } from '../scenario/random';
import { sampleTunnel } from '../scenario/geo';
import { k8sTime } from '../scenario/time';
import { matchesLabelSelector } from './labelSelector';
import { tunnelHealth, type FleetRuntime } from './FleetRuntime';
import type { WorkQueue } from './WorkQueue';
import { reconcileImportEndpoints } from './importEndpoints';
import { runningPodStatus } from './podStatus';
import { resyncTargets } from './resyncTargets';
import { ClusterWriter } from './writes';

/**
 * The worker operator of every worker cluster, emulated (REFERENCE §3.1,
 * §4, §6.2, §6.4). It reacts to the hub objects the controller generates
 * for its cluster and to ServiceExports written on the worker:
 *
 * - WorkerSliceConfig → the worker `Slice`; its application namespaces are
 *   created and labelled `kubeslice.io/slice=<slice>` after a short delay
 *   (`onboardDelayMs`), then reported in `WorkerSliceConfig.status
 *   .onboardedAppNamespaces`, `Slice.status.applicationNamespaces` and
 *   `Cluster.status.namespaces[].sliceName`; offboarding reverses it.
 * - WorkerSliceGateway → `SliceGateway` with two gateway pods and tunnel
 *   status (faults applied by the runtime).
 * - ServiceExport → its status (PENDING until the namespace is onboarded,
 *   then READY with `dnsName` and pods) and `ServiceExportConfig`
 *   `<svc>-<ns>-<cluster>` on the hub, written through the hub's webhooks.
 * - WorkerServiceImport → `ServiceImport` `<svc>` in `<ns>` with the
 *   reachable endpoints.
 *
 * A worker that is down, whose operator is stopped or that cannot reach the
 * hub does nothing (the kubelet still starts pods unless it is down);
 * `resync(cluster)` catches up when it is back.
 */

const NETWORKING = 'networking.kubeslice.io';
const NETWORKING_V = `${NETWORKING}/v1beta1`;
const WORKER = 'worker.kubeslice.io';
const CONTROLLER = 'controller.kubeslice.io';
const SLICE_LABEL = 'kubeslice.io/slice';
const ALLOWED_LABEL = 'kubeslice.io/namespace';
const ALLOWED_ANNOTATION = 'kubeslice.io/trafficAllowedToSlices';

/** Slices a namespace is an allowed namespace of. */
function allowedSlices(ns: KubeObject): string[] {
  const v = ns.metadata.annotations?.[ALLOWED_ANNOTATION];
  return v ? String(v).split(',').filter(Boolean) : [];
}

export interface WorkerEmulatorOptions {
  runtime: FleetRuntime;
  queue: WorkQueue;
  seed: number;
  /** How long a worker takes to onboard or offboard namespaces; default 2 s. */
  onboardDelayMs?: number;
}

export class WorkerEmulator {
  private readonly runtime: FleetRuntime;
  private readonly queue: WorkQueue;
  private readonly seed: number;
  private readonly onboardDelayMs: number;
  private readonly hubW: ClusterWriter;
  private readonly writers = new Map<string, ClusterWriter>();
  private readonly nextPodIp = new Map<string, number>();
  private readonly nextNsmIp = new Map<string, number>();
  private readonly unsubscribe: Array<() => void> = [];
  /** Last seen `clusterHealth.componentStatuses` of each cluster. */
  private readonly healthSeen = new Map<string, string>();

  constructor(options: WorkerEmulatorOptions) {
    this.runtime = options.runtime;
    this.queue = options.queue;
    this.seed = options.seed;
    this.onboardDelayMs = options.onboardDelayMs ?? 2000;
    this.hubW = new ClusterWriter(this.runtime.hub);
    for (const [name, vc] of this.runtime.workers)
      this.writers.set(name, new ClusterWriter(vc));
  }

  start(): void {
    const wsc = resourceKey({ group: WORKER, plural: 'workersliceconfigs' });
    const wsg = resourceKey({ group: WORKER, plural: 'workerslicegateways' });
    const wsi = resourceKey({ group: WORKER, plural: 'workerserviceimports' });
    const clusters = resourceKey({ group: CONTROLLER, plural: 'clusters' });
    this.unsubscribe.push(
      this.runtime.hub.store.subscribe(ev => {
        const o = ev.object;
        if (ev.resource === clusters) {
          this.clusterHealthChanged(o);
          return;
        }
        const cluster = o.metadata.labels?.['worker-cluster'];
        if (!cluster || !this.runtime.workers.has(cluster)) return;
        if (ev.resource === wsc) this.queueSlice(cluster, o.spec?.sliceName);
        else if (ev.resource === wsg)
          this.queueGateway(cluster, o.metadata.name!);
        else if (ev.resource === wsi)
          this.queueImport(
            cluster,
            o.spec?.serviceName,
            o.spec?.serviceNamespace,
            o.spec?.sliceName,
          );
      }),
    );
    const sx = resourceKey({ group: NETWORKING, plural: 'serviceexports' });
    for (const [cluster, vc] of this.runtime.workers) {
      this.unsubscribe.push(
        vc.store.subscribe(ev => {
          const o = ev.object;
          if (ev.resource === sx)
            this.queueExport(cluster, o.metadata.namespace!, o.metadata.name!);
          else if (
            ev.resource === 'pods' &&
            ev.type === 'ADDED' &&
            !o.status?.phase
          ) {
            // The kubelet's part: a new pod gets scheduled and runs.
            this.queue.enqueue(
              `kubelet/${cluster}/${o.metadata.namespace}/${o.metadata.name}`,
              () =>
                this.runPod(cluster, o.metadata.namespace!, o.metadata.name!),
            );
          } else if (ev.resource === 'pods' && ev.type !== 'MODIFIED') {
            // Pods coming and going in an onboarded namespace change the slice's app pods.
            const ns = this.writer(cluster).get(
              'namespaces',
              undefined,
              o.metadata.namespace!,
            );
            const slice = ns?.metadata.labels?.[SLICE_LABEL];
            if (slice) this.queueOnboarding(cluster, slice, 0);
          }
        }),
      );
    }
  }

  stop(): void {
    this.unsubscribe.forEach(u => u());
  }

  /** A cluster's component health changed: its slices' health (slice router) is re-derived. */
  private clusterHealthChanged(o: KubeObject): void {
    const cluster = o.metadata.name!;
    if (!this.runtime.workers.has(cluster)) return;
    const signature = JSON.stringify(
      o.status?.clusterHealth?.componentStatuses ?? [],
    );
    const before = this.healthSeen.get(cluster);
    this.healthSeen.set(cluster, signature);
    if (before === undefined || before === signature) return;
    for (const wsc of this.hubW.list(
      'workersliceconfigs',
      o.metadata.namespace,
      WORKER,
    ))
      if (wsc.metadata.labels?.['worker-cluster'] === cluster)
        this.queueSlice(cluster, wsc.spec?.sliceName);
  }

  private writer(cluster: string): ClusterWriter {
    return this.writers.get(cluster)!;
  }

  /**
   * Whether the worker operator can work: nearly every step starts from a
   * hub object or ends in a hub write, so it needs its cluster up, itself
   * running and the hub reachable.
   */
  private active(cluster: string): boolean {
    return (
      this.runtime.workers.has(cluster) &&
      this.runtime.faults.operatorSyncs(cluster)
    );
  }

  /** Reconciles everything of a worker again (after it was down, operator-down or partitioned). */
  resync(cluster: string): void {
    const t = resyncTargets(this.runtime, cluster);
    if (!t) return;
    // Pods that started meanwhile join their slice even when its namespaces are already onboarded.
    t.slices.forEach(slice => this.queueSlice(cluster, slice, { pods: true }));
    t.gateways.forEach(name => this.queueGateway(cluster, name));
    t.imports.forEach(i => this.queueImport(cluster, i.svc, i.ns, i.slice));
    t.exports.forEach(e => this.queueExport(cluster, e.ns, e.name));
  }

  private queueSlice(
    cluster: string,
    slice: string | undefined,
    options: { pods?: boolean } = {},
  ): void {
    if (!slice) return;
    this.queue.enqueue(`worker-slice/${cluster}/${slice}`, () =>
      this.reconcileSlice(cluster, slice, options),
    );
  }

  private queueOnboarding(cluster: string, slice: string, delay: number) {
    this.queue.after(`worker-onboard/${cluster}/${slice}`, delay, () =>
      this.onboard(cluster, slice),
    );
  }

  private queueGateway(cluster: string, name: string): void {
    this.queue.enqueue(`worker-gw/${cluster}/${name}`, () =>
      this.reconcileGateway(cluster, name),
    );
  }

  private queueImport(
    cluster: string,
    svc: string | undefined,
    ns: string | undefined,
    slice: string | undefined,
  ): void {
    if (!svc || !ns || !slice) return;
    this.queue.enqueue(`worker-import/${cluster}/${ns}/${svc}/${slice}`, () =>
      this.reconcileImport(cluster, svc, ns, slice),
    );
  }

  private queueExport(cluster: string, ns: string, name: string): void {
    this.queue.enqueue(`worker-export/${cluster}/${ns}/${name}`, () =>
      this.reconcileExport(cluster, ns, name),
    );
  }

  private event(
    cluster: string,
    name: string,
    involved: {
      apiVersion: string;
      kind: string;
      name: string;
      namespace?: string;
    },
    slice?: string,
  ): void {
    const vc = this.runtime.workers.get(cluster)!;
    this.runtime.workerEvent(vc, name, involved, slice);
  }

  private wscOf(cluster: string, slice: string): KubeObject | undefined {
    const ns = this.runtime.projectNamespaceOf(cluster);
    return ns
      ? this.hubW.get('workersliceconfigs', ns, `${slice}-${cluster}`, WORKER)
      : undefined;
  }

  // ---------------------------------------------------------------- addresses

  private allocPodIp(cluster: string): string {
    let next = this.nextPodIp.get(cluster);
    if (next === undefined) {
      const c = this.runtime.clusterObjects().get(cluster);
      const cni: string = c?.status?.cniSubnet?.[0] ?? '172.16.0.0/16';
      next = ipToInt(cni.split('/')[0]) + 256 + 10;
      for (const p of this.writer(cluster).list('pods')) {
        const ip = p.status?.podIP;
        if (ip) next = Math.max(next, ipToInt(ip) + 1);
      }
    }
    this.nextPodIp.set(cluster, next + 1);
    return intToIp(next);
  }

  /** Next free address of the cluster's block of the slice subnet (`nsm0` of pods, gateways). */
  private allocNsmIp(cluster: string, slice: string, cidr: string): string {
    const key = `${cluster}/${slice}`;
    let next = this.nextNsmIp.get(key);
    if (next === undefined) {
      next = ipToInt(cidr.split('/')[0]) + 2;
      const w = this.writer(cluster);
      const s = w.get('slices', WORKER_NAMESPACE, slice, NETWORKING);
      const used: string[] = [
        ...(s?.status?.appPods ?? []).map((p: any) => p.nsmIp),
        ...w
          .list('slicegateways', WORKER_NAMESPACE, NETWORKING)
          .filter(g => g.spec?.sliceName === slice)
          .flatMap(g =>
            (g.status?.gatewayPodStatus ?? []).map((p: any) => p.localNsmIP),
          ),
      ];
      for (const ip of used) if (ip) next = Math.max(next, ipToInt(ip) + 1);
    }
    this.nextNsmIp.set(key, next + 1);
    return intToIp(next);
  }

  /** A pod created through the API starts: node, IP, Running with ready containers. */
  private runPod(cluster: string, ns: string, name: string): void {
    // The kubelet's work: it goes on while the operator is stopped or cut off.
    if (this.runtime.faults.isDown(cluster)) return;
    const w = this.writer(cluster);
    const pod = w.get('pods', ns, name);
    if (!pod || pod.status?.phase) return;
    const nodeIp = this.runtime.clusterObjects().get(cluster)?.status
      ?.nodeIPs?.[0];
    const c = pod.spec?.containers?.[0] ?? {};
    const ip = this.allocPodIp(cluster);
    this.runtime.workers
      .get(cluster)!
      .store.mutate(w.type('pods'), ns, name, o => {
        o.spec = {
          ...o.spec,
          nodeName: o.spec?.nodeName ?? `${cluster}-node-1`,
        };
        o.status = runningPodStatus(
          ip,
          nodeIp,
          this.runtime.now(),
          c.name ?? name,
          c.image ?? '',
        );
      });
    // Running now: it joins its slice's app pods and matching exports.
    const slice = w.get('namespaces', undefined, ns)?.metadata.labels?.[
      SLICE_LABEL
    ];
    if (slice) this.queueOnboarding(cluster, slice, 0);
    for (const se of w.list('serviceexports', ns, NETWORKING))
      this.queueExport(cluster, ns, se.metadata.name!);
  }

  // ---------------------------------------------------------------- Slice

  /** `pods`: refresh the slice's app pods even if its namespaces need no onboarding. */
  reconcileSlice(
    cluster: string,
    slice: string,
    options: { pods?: boolean } = {},
  ): void {
    if (!this.active(cluster)) return;
    const w = this.writer(cluster);
    const wsc = this.wscOf(cluster, slice);
    if (!wsc) {
      this.removeSlice(cluster, slice);
      return;
    }
    const spec = wsc.spec ?? {};
    const network = spec.overlayNetworkDeploymentMode !== 'no-network';
    const nsProfile = spec.namespaceIsolationProfile ?? {};
    const existing = w.get('slices', WORKER_NAMESPACE, slice, NETWORKING);
    const dnsIP = w.get('services', WORKER_NAMESPACE, 'kubeslice-dns')?.spec
      ?.clusterIP;
    const r = w.apply(
      {
        apiVersion: NETWORKING_V,
        kind: 'Slice',
        metadata: { name: slice, namespace: WORKER_NAMESPACE },
        spec: {},
        status: {
          ...(existing?.status ?? {}),
          sliceConfig: {
            sliceDisplayName: slice,
            sliceId: slice,
            sliceType: spec.sliceType ?? 'Application',
            sliceOverlayNetworkDeploymentMode:
              spec.overlayNetworkDeploymentMode ?? 'single-network',
            ...(network
              ? {
                  sliceSubnet: spec.sliceSubnet,
                  clusterSubnetCIDR: spec.clusterSubnetCIDR,
                  sliceGatewayServiceType:
                    spec.sliceGatewayProvider?.sliceGatewayServiceType,
                  sliceGatewayProtocol:
                    spec.sliceGatewayProvider?.sliceGatewayProtocol,
                  sliceIpam: {
                    sliceIpamType: spec.sliceIpamType ?? 'Local',
                    ipamClusterOctet: spec.ipamClusterOctet,
                  },
                  ...(spec.qosProfileDetails
                    ? { qosProfileDetails: spec.qosProfileDetails }
                    : {}),
                }
              : { sliceIpam: { sliceIpamType: 'Local' } }),
            namespaceIsolationProfile: {
              applicationNamespaces: nsProfile.applicationNamespaces ?? [],
              allowedNamespaces: nsProfile.allowedNamespaces ?? [],
              isolationEnabled: nsProfile.isolationEnabled ?? false,
            },
          },
          ...(network && dnsIP ? { dnsIP } : {}),
          applicationNamespaces: existing?.status?.applicationNamespaces ?? [],
          allowedNamespaces: nsProfile.allowedNamespaces ?? [],
          networkPoliciesInstalled: Boolean(nsProfile.isolationEnabled),
        },
      },
      { withStatus: true },
    );
    if (r.created)
      this.event(
        cluster,
        'SliceCreated',
        {
          apiVersion: NETWORKING_V,
          kind: 'Slice',
          name: slice,
          namespace: WORKER_NAMESPACE,
        },
        slice,
      );
    if (network) this.ensureRouter(cluster, slice);
    this.updateSliceHealth(cluster, slice);
    // Onboarding takes a while; only when something is to do.
    const desired: string[] = nsProfile.applicationNamespaces ?? [];
    const onboarded: string[] = (wsc.status?.onboardedAppNamespaces ?? []).map(
      (n: any) => n.name,
    );
    const labelled = w
      .list('namespaces')
      .filter(n => n.metadata.labels?.[SLICE_LABEL] === slice)
      .map(n => n.metadata.name!);
    const same = (a: string[], b: string[]) =>
      a.length === b.length && a.every(x => b.includes(x));
    const allowed = (nsProfile.allowedNamespaces ?? []).filter((n: string) =>
      w.get('namespaces', undefined, n),
    );
    const allowedLabelled = w
      .list('namespaces')
      .filter(n => allowedSlices(n).includes(slice))
      .map(n => n.metadata.name!);
    if (
      !same(desired, onboarded) ||
      !same(desired, labelled) ||
      !same(allowed, allowedLabelled)
    )
      this.queueOnboarding(cluster, slice, this.onboardDelayMs);
    else if (options.pods) this.queueOnboarding(cluster, slice, 0);
  }

  /** Slice health components as the worker reports them (tunnel status is kept up to date by the runtime). */
  private updateSliceHealth(cluster: string, slice: string): void {
    const wsc = this.wscOf(cluster, slice);
    if (!wsc) return;
    const network = wsc.spec?.overlayNetworkDeploymentMode !== 'no-network';
    const gateways = this.writer(cluster)
      .list('slicegateways', WORKER_NAMESPACE, NETWORKING)
      .filter(g => g.spec?.sliceName === slice);
    const tunnels = gateways.flatMap(g =>
      (g.status?.gatewayPodStatus ?? []).map(
        (p: any) => p?.tunnelStatus?.TunnelState === 'UP',
      ),
    );
    const current: Array<{ component: string; componentHealthStatus: string }> =
      wsc.status?.sliceHealth?.componentStatuses ?? [];
    const keep = (c: string) =>
      current.find(x => x.component === c)?.componentHealthStatus ?? 'Normal';
    // The slice router's NSM connections break with the cluster's NSM forwarder or manager.
    const clusterComponents: Array<{
      component: string;
      componentHealthStatus: string;
    }> =
      this.hubW.get('clusters', wsc.metadata.namespace, cluster, CONTROLLER)
        ?.status?.clusterHealth?.componentStatuses ?? [];
    const nsmBroken = clusterComponents.some(
      c =>
        ['forwarder', 'nsmgr'].includes(c.component) &&
        c.componentHealthStatus !== 'Normal',
    );
    const components = !network
      ? []
      : [
          { component: 'dns', componentHealthStatus: keep('dns') },
          ...(gateways.length
            ? [
                {
                  component: 'slice-gateway',
                  componentHealthStatus: keep('slice-gateway'),
                },
              ]
            : []),
          {
            component: 'slice-router',
            componentHealthStatus: nsmBroken ? 'Warning' : keep('slice-router'),
          },
          ...(gateways.length
            ? [
                {
                  component: 'gateway-tunnel',
                  componentHealthStatus: tunnels.length
                    ? tunnelHealth(
                        tunnels.filter(Boolean).length,
                        tunnels.length,
                      )
                    : 'Normal',
                },
              ]
            : []),
        ];
    const status = components.some(c => c.componentHealthStatus !== 'Normal')
      ? 'Warning'
      : 'Normal';
    const health = wsc.status?.sliceHealth;
    if (
      health &&
      health.sliceHealthStatus === status &&
      JSON.stringify(health.componentStatuses ?? []) ===
        JSON.stringify(components)
    )
      return;
    this.hubW.updateStatus(
      'workersliceconfigs',
      wsc.metadata.namespace,
      wsc.metadata.name!,
      WORKER,
      s => {
        s.sliceHealth = {
          sliceHealthStatus: status,
          componentStatuses: components,
          lastUpdated: k8sTime(this.runtime.now()),
        };
      },
    );
  }

  private removeSlice(cluster: string, slice: string): void {
    const w = this.writer(cluster);
    const existed = w.remove('slices', WORKER_NAMESPACE, slice, NETWORKING);
    for (const g of w.list('slicegateways', WORKER_NAMESPACE, NETWORKING))
      if (g.spec?.sliceName === slice)
        this.removeGateway(cluster, g.metadata.name!);
    for (const imp of w.list('serviceimports', undefined, NETWORKING))
      if (imp.spec?.slice === slice)
        w.remove(
          'serviceimports',
          imp.metadata.namespace,
          imp.metadata.name!,
          NETWORKING,
        );
    for (const p of w.list('pods', WORKER_NAMESPACE))
      if (
        p.metadata.labels?.['kubeslice.io/pod-type'] === 'router' &&
        p.metadata.labels?.[SLICE_LABEL] === slice
      )
        w.remove('pods', WORKER_NAMESPACE, p.metadata.name!);
    this.setAllowed(cluster, slice, []);
    const offboarded = this.setLabels(cluster, slice, []);
    if (offboarded.length) this.reportNamespaces(cluster);
    if (existed)
      this.event(
        cluster,
        'SliceDeleted',
        {
          apiVersion: NETWORKING_V,
          kind: 'Slice',
          name: slice,
          namespace: WORKER_NAMESPACE,
        },
        slice,
      );
  }

  /** Labels exactly `wanted` into the slice (creating missing namespaces); returns the namespaces that changed. */
  private setLabels(
    cluster: string,
    slice: string,
    wanted: string[],
  ): string[] {
    const w = this.writer(cluster);
    const changed: string[] = [];
    for (const ns of wanted) {
      const existing = w.get('namespaces', undefined, ns);
      if (existing?.metadata.labels?.[SLICE_LABEL] === slice) continue;
      if (existing && existing.metadata.labels?.[SLICE_LABEL]) continue; // bound to another slice
      w.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: ns,
          labels: { 'kubernetes.io/metadata.name': ns, [SLICE_LABEL]: slice },
        },
        ...(existing
          ? {}
          : {
              spec: { finalizers: ['kubernetes'] },
              status: { phase: 'Active' },
            }),
      });
      changed.push(ns);
    }
    for (const n of w.list('namespaces')) {
      if (n.metadata.labels?.[SLICE_LABEL] !== slice) continue;
      if (wanted.includes(n.metadata.name!)) continue;
      this.runtime.workers
        .get(cluster)!
        .store.mutate(w.type('namespaces'), undefined, n.metadata.name!, o => {
          delete o.metadata.labels?.[SLICE_LABEL];
        });
      changed.push(n.metadata.name!);
    }
    return changed;
  }

  /**
   * Allowed namespaces (REFERENCE §6.2): existing namespaces listed for the
   * slice get label `kubeslice.io/namespace=<ns>` and the slice in annotation
   * `kubeslice.io/trafficAllowedToSlices`; namespaces no longer listed lose it.
   */
  private setAllowed(cluster: string, slice: string, wanted: string[]): void {
    const w = this.writer(cluster);
    const vc = this.runtime.workers.get(cluster)!;
    for (const n of w.list('namespaces')) {
      const name = n.metadata.name!;
      const current = allowedSlices(n);
      const want = wanted.includes(name);
      if (want === current.includes(slice)) continue;
      const next = want
        ? [...current, slice]
        : current.filter(x => x !== slice);
      vc.store.mutate(w.type('namespaces'), undefined, name, o => {
        o.metadata.labels ??= {};
        o.metadata.annotations ??= {};
        if (next.length) {
          o.metadata.labels[ALLOWED_LABEL] = name;
          o.metadata.annotations[ALLOWED_ANNOTATION] = next.join(',');
        } else {
          delete o.metadata.labels[ALLOWED_LABEL];
          delete o.metadata.annotations[ALLOWED_ANNOTATION];
          if (!Object.keys(o.metadata.annotations).length)
            delete o.metadata.annotations;
        }
      });
    }
  }

  /** The slice router (`vl3-slice-router-<slice>`) the worker deploys for a network slice. */
  private ensureRouter(cluster: string, slice: string): void {
    const w = this.writer(cluster);
    const exists = w
      .list('pods', WORKER_NAMESPACE)
      .some(
        p =>
          p.metadata.labels?.['kubeslice.io/pod-type'] === 'router' &&
          p.metadata.labels?.[SLICE_LABEL] === slice,
      );
    if (exists) return;
    const rng = seededRandom(this.seed, 'router', cluster, slice);
    const name = `vl3-slice-router-${slice}-${nameSuffix(rng, 9)}-${nameSuffix(
      rng,
    )}`;
    const image = 'aveshasystems/cmd-nse-vl3:1.0.4';
    const nodeIp = this.runtime.clusterObjects().get(cluster)?.status
      ?.nodeIPs?.[0];
    w.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: WORKER_NAMESPACE,
        labels: {
          app: 'vl3-slice-router',
          'networkservicemesh.io/app': `vl3-slice-router-${slice}`,
          'kubeslice.io/pod-type': 'router',
          [SLICE_LABEL]: slice,
        },
      },
      spec: {
        nodeName: `${cluster}-node-1`,
        containers: [{ name: 'vl3-slice-router', image }],
        restartPolicy: 'Always',
      },
      status: runningPodStatus(
        this.allocPodIp(cluster),
        nodeIp,
        this.runtime.now(),
        'vl3-slice-router',
        image,
      ),
    });
  }

  /** `Cluster.status.namespaces`: every namespace but the excluded ones, with its slice. */
  private reportNamespaces(cluster: string): void {
    const ns = this.runtime.projectNamespaceOf(cluster);
    if (!ns) return;
    const namespaces = this.writer(cluster)
      .list('namespaces')
      .filter(n => !EXCLUDED_NAMESPACES.includes(n.metadata.name!))
      .map(n => ({
        name: n.metadata.name!,
        ...(n.metadata.labels?.[SLICE_LABEL]
          ? { sliceName: n.metadata.labels[SLICE_LABEL] }
          : {}),
      }));
    this.hubW.updateStatus('clusters', ns, cluster, CONTROLLER, s => {
      s.namespaces = namespaces;
    });
  }

  /** The delayed part of a slice reconcile: label namespaces, then report them and the slice's app pods. */
  onboard(cluster: string, slice: string): void {
    if (!this.active(cluster)) return;
    const wsc = this.wscOf(cluster, slice);
    if (!wsc) return;
    const w = this.writer(cluster);
    const spec = wsc.spec ?? {};
    const desired: string[] =
      spec.namespaceIsolationProfile?.applicationNamespaces ?? [];
    const before: string[] = (wsc.status?.onboardedAppNamespaces ?? []).map(
      (n: any) => n.name,
    );
    const changed = this.setLabels(cluster, slice, desired);
    this.setAllowed(
      cluster,
      slice,
      spec.namespaceIsolationProfile?.allowedNamespaces ?? [],
    );
    const onboarded = w
      .list('namespaces')
      .filter(n => n.metadata.labels?.[SLICE_LABEL] === slice)
      .map(n => n.metadata.name!)
      .sort((a, b) => desired.indexOf(a) - desired.indexOf(b));

    // App pods on the slice overlay: pods of onboarded namespaces, with an nsm0 address.
    const network =
      spec.overlayNetworkDeploymentMode !== 'no-network' &&
      Boolean(spec.clusterSubnetCIDR);
    const sliceObj = w.get('slices', WORKER_NAMESPACE, slice, NETWORKING);
    const known = new Map<string, any>(
      (sliceObj?.status?.appPods ?? []).map((p: any) => [
        `${p.podNamespace}/${p.podName}`,
        p,
      ]),
    );
    const appPods = network
      ? onboarded.flatMap(ns =>
          w
            .list('pods', ns)
            .filter(p => p.status?.phase === 'Running')
            .map(
              p =>
                known.get(`${ns}/${p.metadata.name}`) ?? {
                  podName: p.metadata.name,
                  podNamespace: ns,
                  podIp: p.status?.podIP,
                  nsmIp: this.allocNsmIp(
                    cluster,
                    slice,
                    spec.clusterSubnetCIDR,
                  ),
                  nsmInterface: 'nsm0',
                  nsmPeerIp: intToIp(
                    ipToInt(spec.clusterSubnetCIDR.split('/')[0]) + 1,
                  ),
                },
            ),
        )
      : [];
    if (sliceObj)
      w.updateStatus('slices', WORKER_NAMESPACE, slice, NETWORKING, s => {
        s.applicationNamespaces = onboarded;
        s.appPods = appPods;
        s.appPodsUpdatedOn = Math.floor(this.runtime.now().getTime() / 1000);
      });
    const sameOnboarded =
      before.length === onboarded.length &&
      before.every(n => onboarded.includes(n));
    const samePods =
      JSON.stringify(wsc.status?.connectedAppPods ?? []) ===
      JSON.stringify(appPods);
    if (!sameOnboarded || !samePods)
      this.hubW.updateStatus(
        'workersliceconfigs',
        wsc.metadata.namespace,
        wsc.metadata.name!,
        WORKER,
        s => {
          s.onboardedAppNamespaces = onboarded.map(name => ({ name }));
          s.connectedAppPods = appPods;
        },
      );
    if (changed.length || !sameOnboarded) {
      this.reportNamespaces(cluster);
      const involved = {
        apiVersion: `${CONTROLLER}/v1alpha1`,
        kind: 'Cluster',
        name: cluster,
        namespace: this.runtime.projectNamespaceOf(cluster),
      };
      if (onboarded.some(n => !before.includes(n)))
        this.event(cluster, 'UpdatedNamespaceInfoToHub', involved, slice);
      if (before.some(n => !onboarded.includes(n)))
        this.event(cluster, 'DeleteNamespaceInfoToHub', involved, slice);
    }
    // Exports and imports in namespaces that changed are re-evaluated.
    for (const ns of new Set([...changed, ...onboarded])) {
      for (const se of w.list('serviceexports', ns, NETWORKING))
        this.queueExport(cluster, ns, se.metadata.name!);
    }
    const projectNs = wsc.metadata.namespace;
    for (const wsi of this.hubW.list('workerserviceimports', projectNs, WORKER))
      if (
        wsi.metadata.labels?.['worker-cluster'] === cluster &&
        changed.includes(wsi.spec?.serviceNamespace)
      )
        this.queueImport(
          cluster,
          wsi.spec.serviceName,
          wsi.spec.serviceNamespace,
          wsi.spec.sliceName,
        );
  }

  // ---------------------------------------------------------------- SliceGateway

  reconcileGateway(cluster: string, name: string): void {
    if (!this.active(cluster)) return;
    const projectNs = this.runtime.projectNamespaceOf(cluster);
    const wsg = projectNs
      ? this.hubW.get('workerslicegateways', projectNs, name, WORKER)
      : undefined;
    const w = this.writer(cluster);
    if (!wsg) {
      const slice = w.get('slicegateways', WORKER_NAMESPACE, name, NETWORKING)
        ?.spec?.sliceName;
      if (this.removeGateway(cluster, name) && slice) {
        this.event(
          cluster,
          'SliceGWDeleted',
          {
            apiVersion: NETWORKING_V,
            kind: 'SliceGateway',
            name,
            namespace: WORKER_NAMESPACE,
          },
          slice,
        );
        this.updateSliceHealth(cluster, slice);
      }
      return;
    }
    if (w.get('slicegateways', WORKER_NAMESPACE, name, NETWORKING)) return;
    const spec = wsg.spec ?? {};
    const slice: string = spec.sliceName;
    const local = spec.localGatewayConfig ?? {};
    const remote = spec.remoteGatewayConfig ?? {};
    const server = spec.gatewayHostType === 'Server';
    const serverPorts: number[] =
      (server ? local.nodePorts : remote.nodePorts) ?? [];
    const now = this.runtime.now();
    const rng = seededRandom(this.seed, 'gateway-pods', cluster, name);
    const rsHash = nameSuffix(rng, 9);
    const clusters = this.runtime.clusterObjects();
    const nodeIp = clusters.get(cluster)?.status?.nodeIPs?.[0];
    const pods = [0, 1].map(k => {
      const podName = `${name}-${k}-0-${rsHash}-${nameSuffix(rng)}`;
      const ip = this.allocPodIp(cluster);
      w.apply({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: podName,
          namespace: WORKER_NAMESPACE,
          labels: {
            app: 'kubeslice-slicegateway',
            [SLICE_LABEL]: slice,
            'kubeslice.io/pod-type': 'slicegateway',
            'kubeslice.io/slice-gw': name,
          },
        },
        spec: {
          nodeName: `${cluster}-node-1`,
          containers: [
            {
              name: 'kubeslice-sidecar',
              image: 'aveshasystems/gw-sidecar:1.0.5',
            },
          ],
          restartPolicy: 'Always',
        },
        status: runningPodStatus(
          ip,
          nodeIp,
          now,
          'kubeslice-sidecar',
          'aveshasystems/gw-sidecar:1.0.5',
        ),
      });
      return {
        podName,
        ip,
        nsmIp: this.allocNsmIp(
          cluster,
          slice,
          local.gatewaySubnet ?? '0.0.0.0/32',
        ),
      };
    });
    const peerRng = seededRandom(
      this.seed,
      'gateway-pods',
      remote.clusterName,
      remote.gatewayName,
    );
    const peerHash = nameSuffix(peerRng, 9);
    const peerPods = [0, 1].map(
      k => `${remote.gatewayName}-${k}-0-${peerHash}-${nameSuffix(peerRng)}`,
    );
    const tunnelRng = seededRandom(this.seed, 'tunnel', name, 0);
    const a = this.runtime.siteOf(cluster, clusters);
    const b = this.runtime.siteOf(remote.clusterName, clusters);
    const stamp = k8sTime(now);
    w.apply(
      {
        apiVersion: NETWORKING_V,
        kind: 'SliceGateway',
        metadata: {
          name,
          namespace: WORKER_NAMESPACE,
          labels: { [SLICE_LABEL]: slice },
        },
        spec: { sliceName: slice, siteName: cluster },
        status: {
          config: {
            sliceName: slice,
            sliceSiteName: cluster,
            sliceGatewayId: name,
            sliceGatewayName: name,
            sliceGatewayHostType: spec.gatewayHostType,
            sliceGatewayType: spec.gatewayType,
            sliceGatewayProtocol: spec.gatewayProtocol,
            sliceGatewayConnectivityType: spec.gatewayConnectivityType,
            sliceGatewaySubnet: local.gatewaySubnet,
            sliceGatewayRemoteSubnet: remote.gatewaySubnet,
            sliceGatewayRemoteClusterId: remote.clusterName,
            sliceGatewayRemoteGatewayId: remote.gatewayName,
            sliceGatewayLocalVpnIp: local.vpnIp,
            sliceGatewayRemoteVpnIp: remote.vpnIp,
            sliceGatewayRemoteNodeIps: remote.nodeIps ?? [],
            ...(server
              ? { sliceGatewayNodePorts: serverPorts }
              : { sliceGatewayRemoteNodePorts: serverPorts }),
          },
          configUpdatedOn: Math.floor(now.getTime() / 1000),
          connectionContextUpdatedOn: Math.floor(now.getTime() / 1000),
          podNames: pods.map(p => p.podName),
          podIps: pods.map(p => p.ip),
          gatewayPodStatus: pods.map((p, k) => {
            const s = sampleTunnel(a, b, tunnelRng);
            return {
              podName: p.podName,
              podIP: p.ip,
              localNsmIP: p.nsmIp,
              peerPodName: peerPods[k],
              podCreationTS: stamp,
              originalPodCreationTS: stamp,
              routeRemoved: 0,
              ...(server ? {} : { remotePort: serverPorts[k] }),
              tunnelStatus: {
                IntfName: 'tun0',
                LocalIP: local.vpnIp,
                RemoteIP: remote.vpnIp,
                Latency: s.Latency,
                PacketLoss: s.PacketLoss,
                TxRate: s.TxRate,
                RxRate: s.RxRate,
                TunnelState: 'UP',
              },
            };
          }),
        },
      },
      { withStatus: true },
    );
    // Faults (peer down, link cut) apply from the first sample on.
    this.runtime.reconcileGatewayNamed(cluster, name);
    this.event(
      cluster,
      'SliceGWCreated',
      {
        apiVersion: NETWORKING_V,
        kind: 'SliceGateway',
        name,
        namespace: WORKER_NAMESPACE,
      },
      slice,
    );
    this.updateSliceHealth(cluster, slice);
  }

  private removeGateway(cluster: string, name: string): boolean {
    const w = this.writer(cluster);
    for (const p of w.list('pods', WORKER_NAMESPACE))
      if (p.metadata.labels?.['kubeslice.io/slice-gw'] === name)
        w.remove('pods', WORKER_NAMESPACE, p.metadata.name!);
    this.runtime.forgetGateway(cluster, name);
    return w.remove('slicegateways', WORKER_NAMESPACE, name, NETWORKING);
  }

  // ---------------------------------------------------------------- imports

  reconcileImport(
    cluster: string,
    svc: string,
    ns: string,
    slice: string,
  ): void {
    if (!this.active(cluster)) return;
    const w = this.writer(cluster);
    const projectNs = this.runtime.projectNamespaceOf(cluster);
    const wsi = projectNs
      ? this.hubW.get(
          'workerserviceimports',
          projectNs,
          `${svc}-${ns}-${slice}-${cluster}`,
          WORKER,
        )
      : undefined;
    const existing = w.get('serviceimports', ns, svc, NETWORKING);
    const involved = {
      apiVersion: NETWORKING_V,
      kind: 'ServiceImport',
      name: svc,
      namespace: ns,
    };
    if (!wsi) {
      if (existing?.spec?.slice === slice) {
        w.remove('serviceimports', ns, svc, NETWORKING);
        this.event(cluster, 'SliceServiceImportDeleted', involved, slice);
      }
      return;
    }
    // The import lives in the service's namespace: without it there is none (PENDING on the hub's view).
    if (!w.get('namespaces', undefined, ns)) return;
    const r = w.apply({
      apiVersion: NETWORKING_V,
      kind: 'ServiceImport',
      metadata: { name: svc, namespace: ns, labels: { [SLICE_LABEL]: slice } },
      spec: {
        slice,
        dnsName: `${svc}.${ns}.svc.slice.local`,
        ports: (wsi.spec?.serviceDiscoveryPorts ?? []).map((p: any) => ({
          name: p.name,
          containerPort: p.port,
          protocol: p.protocol ?? 'TCP',
        })),
        ...(wsi.spec?.aliases?.length ? { aliases: wsi.spec.aliases } : {}),
      },
    });
    if (r.created)
      this.event(cluster, 'WorkerServiceImportCreated', involved, slice);
    reconcileImportEndpoints(this.runtime, {
      cluster,
      imp: r.object,
      force: r.created,
    });
  }

  // ---------------------------------------------------------------- exports

  reconcileExport(cluster: string, ns: string, name: string): void {
    if (!this.active(cluster)) return;
    const w = this.writer(cluster);
    const projectNs = this.runtime.projectNamespaceOf(cluster);
    if (!projectNs) return;
    const secName = `${name}-${ns}-${cluster}`;
    const se = w.get('serviceexports', ns, name, NETWORKING);
    const involved = {
      apiVersion: NETWORKING_V,
      kind: 'ServiceExport',
      name,
      namespace: ns,
    };
    if (!se) {
      if (
        this.hubW.remove('serviceexportconfigs', projectNs, secName, CONTROLLER)
      )
        this.event(cluster, 'ServiceExportDeleted', involved);
      return;
    }
    const slice: string = se.spec?.slice;
    const wsc = this.wscOf(cluster, slice);
    const onboarded = (wsc?.status?.onboardedAppNamespaces ?? []).some(
      (n: any) => n.name === ns,
    );
    const ports: any[] = se.spec?.ports ?? [];
    const exposedPorts = ports
      .map(p => `${p.containerPort}/${p.protocol ?? 'TCP'}`)
      .join(',');
    const dnsName = `${name}.${ns}.svc.slice.local`;
    const before = se.status?.exportStatus;
    if (!onboarded) {
      w.updateStatus('serviceexports', ns, name, NETWORKING, s => {
        s.exportStatus = 'PENDING';
        s.dnsName = dnsName;
        s.availableEndpoints = 0;
        s.exposedPorts = exposedPorts;
        s.pods = [];
      });
      this.hubW.remove('serviceexportconfigs', projectNs, secName, CONTROLLER);
      if (before !== 'PENDING')
        this.event(cluster, 'ServiceExportStatusPending', involved, slice);
      return;
    }
    const appPods = new Map<string, any>(
      (
        w.get('slices', WORKER_NAMESPACE, slice, NETWORKING)?.status?.appPods ??
        []
      ).map((p: any) => [`${p.podNamespace}/${p.podName}`, p]),
    );
    const pods = w
      .list('pods', ns)
      .filter(
        p =>
          p.status?.phase === 'Running' &&
          matchesLabelSelector(se.spec?.selector, p.metadata.labels ?? {}),
      )
      .map(p => ({
        name: p.metadata.name!,
        podIp: p.status?.podIP ?? '',
        nsmIp: appPods.get(`${ns}/${p.metadata.name}`)?.nsmIp ?? '',
        dnsName: `${p.metadata.name}.${cluster}.${name}.${ns}.svc.slice.local`,
      }));
    let exportStatus = 'READY';
    try {
      this.hubW.apply(
        {
          apiVersion: `${CONTROLLER}/v1alpha1`,
          kind: 'ServiceExportConfig',
          metadata: {
            name: secName,
            namespace: projectNs,
            labels: {
              'original-slice-name': slice,
              'worker-cluster': cluster,
              'service-name': name,
              'service-namespace': ns,
            },
          },
          spec: {
            serviceName: name,
            serviceNamespace: ns,
            sourceCluster: cluster,
            sliceName: slice,
            ...(se.spec?.aliases?.length ? { aliases: se.spec.aliases } : {}),
            serviceDiscoveryEndpoints: pods.map(p => ({
              podName: p.name,
              cluster,
              nsmIp: p.nsmIp,
              dnsName: p.dnsName,
              port: ports[0]?.containerPort,
            })),
            serviceDiscoveryPorts: ports.map(p => ({
              name: p.name,
              port: p.containerPort,
              protocol: p.protocol ?? 'TCP',
            })),
          },
        },
        { admission: true },
      );
    } catch {
      exportStatus = 'ERROR';
    }
    w.updateStatus('serviceexports', ns, name, NETWORKING, s => {
      s.exportStatus = exportStatus;
      s.dnsName = dnsName;
      s.availableEndpoints = pods.length;
      s.exposedPorts = exposedPorts;
      s.lastSync = Math.floor(this.runtime.now().getTime() / 1000);
      s.pods = pods;
      if (se.spec?.aliases?.length) s.aliases = se.spec.aliases;
    });
    if (before !== exportStatus)
      this.event(
        cluster,
        exportStatus === 'READY'
          ? 'ServiceExportInitialStatusUpdated'
          : 'SyncServiceExportStatusFailed',
        involved,
        slice,
      );
  }
}

import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import type { PreflightFleet } from '@slice-portal/plugin-slice-common';

/**
 * Hub access for the preflight differential test, through the same
 * client-node calls a production hub gets: reading the fleet view preflight
 * needs, and writes whose verdict (accepted or refused by admission) is
 * compared with preflight's.
 */

export const CONTROLLER = 'controller.kubeslice.io';
export const WORKER = 'worker.kubeslice.io';
const VERSION = 'v1alpha1';

/** Label of project namespaces (REFERENCE §1). */
const PROJECT_NAMESPACE_SELECTOR =
  'kubeslice-resource-owner=kubeslice-controller';

export type Verdict =
  | { accepted: true }
  | { accepted: false; status: number; message: string };

type Obj = Record<string, any>;

export class HubClient {
  private readonly custom: CustomObjectsApi;
  private readonly core: CoreV1Api;

  constructor(kubeconfigPath: string, context: string) {
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfigPath);
    kc.setCurrentContext(context);
    this.custom = kc.makeApiClient(CustomObjectsApi);
    this.core = kc.makeApiClient(CoreV1Api);
  }

  async list(plural: string, namespace: string, group = CONTROLLER) {
    const res = await this.custom.listNamespacedCustomObject({
      group,
      version: VERSION,
      namespace,
      plural,
    });
    return (res as { items: Obj[] }).items;
  }

  async get(
    plural: string,
    namespace: string,
    name: string,
    group = CONTROLLER,
  ) {
    return (await this.custom.getNamespacedCustomObject({
      group,
      version: VERSION,
      namespace,
      plural,
      name,
    })) as Obj;
  }

  async create(
    plural: string,
    namespace: string,
    body: Obj,
    options: { dryRun?: boolean; group?: string } = {},
  ) {
    return (await this.custom.createNamespacedCustomObject({
      group: options.group ?? CONTROLLER,
      version: VERSION,
      namespace,
      plural,
      body,
      dryRun: options.dryRun ? 'All' : undefined,
    })) as Obj;
  }

  async replace(
    plural: string,
    namespace: string,
    body: Obj,
    options: { dryRun?: boolean; group?: string } = {},
  ) {
    return (await this.custom.replaceNamespacedCustomObject({
      group: options.group ?? CONTROLLER,
      version: VERSION,
      namespace,
      plural,
      name: body.metadata.name,
      body,
      dryRun: options.dryRun ? 'All' : undefined,
    })) as Obj;
  }

  /** Merges `status` into the object's status through the `/status` subresource. */
  async mergeStatus(
    plural: string,
    namespace: string,
    name: string,
    status: Obj,
    group = CONTROLLER,
  ) {
    const current = await this.get(plural, namespace, name, group);
    return (await this.custom.replaceNamespacedCustomObjectStatus({
      group,
      version: VERSION,
      namespace,
      plural,
      name,
      body: { ...current, status: { ...current.status, ...status } },
    })) as Obj;
  }

  async delete(
    plural: string,
    namespace: string,
    name: string,
    options: { dryRun?: boolean; group?: string } = {},
  ) {
    return (await this.custom.deleteNamespacedCustomObject({
      group: options.group ?? CONTROLLER,
      version: VERSION,
      namespace,
      plural,
      name,
      dryRun: options.dryRun ? 'All' : undefined,
    })) as Obj;
  }

  /**
   * What the portal would know about the hub: the project namespaces (by
   * label) and, in each, the objects preflight reads. Read fresh for every
   * case, so preflight and admission judge the same state.
   */
  async fleetView(): Promise<PreflightFleet> {
    const namespaces = (
      await this.core.listNamespace({
        labelSelector: PROJECT_NAMESPACE_SELECTOR,
      })
    ).items.map(n => n.metadata!.name!);
    const all = async (plural: string, group = CONTROLLER) =>
      (
        await Promise.all(namespaces.map(ns => this.list(plural, ns, group)))
      ).flat();
    const [
      clusters,
      sliceConfigs,
      sliceQosConfigs,
      serviceExportConfigs,
      vpnKeyRotations,
      workerSliceConfigs,
    ] = await Promise.all([
      all('clusters'),
      all('sliceconfigs'),
      all('sliceqosconfigs'),
      all('serviceexportconfigs'),
      all('vpnkeyrotations'),
      all('workersliceconfigs', WORKER),
    ]);
    return {
      projectNamespaces: namespaces,
      clusters,
      sliceConfigs,
      sliceQosConfigs,
      serviceExportConfigs,
      vpnKeyRotations,
      workerSliceConfigs,
    };
  }
}

/**
 * Runs a write and classifies the answer: 2xx is accepted, 422 Invalid is a
 * refusal by schema or admission. Anything else (404, 409, 5xx, transport)
 * is not a verdict on the object, so it is rethrown and fails the case.
 */
export async function verdictOf(
  write: () => Promise<unknown>,
): Promise<Verdict> {
  try {
    await write();
    return { accepted: true };
  } catch (e) {
    const err = e as { code?: number; body?: unknown };
    if (err.code !== 422) throw e;
    let message = String(err.body ?? '');
    try {
      const body =
        typeof err.body === 'string' ? JSON.parse(err.body) : (err.body as Obj);
      message = body?.message ?? message;
    } catch {
      // not JSON: keep the raw body
    }
    return { accepted: false, status: err.code, message };
  }
}

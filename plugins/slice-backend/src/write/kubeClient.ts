import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
} from '@kubernetes/client-node';
import { abortableOptions } from '../hubs/kindClient';
import { isNotFound, kubeErrorToApiError } from './kubeErrors';

/** A custom resource the write path reads or writes. */
export interface Resource {
  group: string;
  version: string;
  plural: string;
  kind: string;
}

const controller = (plural: string, kind: string): Resource => ({
  group: 'controller.kubeslice.io',
  version: 'v1alpha1',
  plural,
  kind,
});

export const RESOURCES = {
  sliceConfigs: controller('sliceconfigs', 'SliceConfig'),
  clusters: controller('clusters', 'Cluster'),
  sliceQosConfigs: controller('sliceqosconfigs', 'SliceQoSConfig'),
  serviceExportConfigs: controller(
    'serviceexportconfigs',
    'ServiceExportConfig',
  ),
  vpnKeyRotations: controller('vpnkeyrotations', 'VpnKeyRotation'),
  workerSliceConfigs: {
    group: 'worker.kubeslice.io',
    version: 'v1alpha1',
    plural: 'workersliceconfigs',
    kind: 'WorkerSliceConfig',
  },
  serviceExports: {
    group: 'networking.kubeslice.io',
    version: 'v1beta1',
    plural: 'serviceexports',
    kind: 'ServiceExport',
  },
} satisfies Record<string, Resource>;

/** The field manager the portal's writes are recorded under (managedFields). */
export const FIELD_MANAGER = 'slice-portal';

export const apiVersionOf = (resource: Resource) =>
  `${resource.group}/${resource.version}`;

export type KubeObj = {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: any;
  status?: any;
  [key: string]: unknown;
};

export interface WriteCallOptions {
  /** `dryRun=All`: the API server runs schema validation and admission, and stores nothing. */
  dryRun?: boolean;
}

/**
 * The calls the write path makes to one API server (a hub, or a worker with write
 * credentials), through client-node. Every call has a deadline, and every failure is
 * mapped to the API's own errors (kubeErrorToApiError), naming the server.
 */
export class KubeObjectClient {
  private readonly custom: CustomObjectsApi;
  private readonly core: CoreV1Api;

  constructor(
    kubeConfig: KubeConfig,
    /** `hub demo` or `worker aws-east`, for messages. */
    readonly target: string,
    private readonly timeoutMs = 15_000,
  ) {
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
  }

  private async call<T>(
    fn: (options: ReturnType<typeof abortableOptions>) => Promise<T>,
  ): Promise<T> {
    try {
      return await fn(abortableOptions(AbortSignal.timeout(this.timeoutMs)));
    } catch (error) {
      throw kubeErrorToApiError(error, this.target);
    }
  }

  async get(
    resource: Resource,
    namespace: string,
    name: string,
  ): Promise<KubeObj | undefined> {
    try {
      return await this.call(
        o =>
          this.custom.getNamespacedCustomObject(
            { ...resource, namespace, name },
            o,
          ) as Promise<KubeObj>,
      );
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async list(
    resource: Resource,
    namespace: string,
    labelSelector?: string,
  ): Promise<KubeObj[]> {
    const result = await this.call(
      o =>
        this.custom.listNamespacedCustomObject(
          { ...resource, namespace, labelSelector },
          o,
        ) as Promise<{ items?: KubeObj[] }>,
    );
    return result.items ?? [];
  }

  create(
    resource: Resource,
    namespace: string,
    body: KubeObj,
    options: WriteCallOptions = {},
  ): Promise<KubeObj> {
    return this.call(
      o =>
        this.custom.createNamespacedCustomObject(
          {
            ...resource,
            namespace,
            body,
            dryRun: options.dryRun ? 'All' : undefined,
            fieldManager: FIELD_MANAGER,
          },
          o,
        ) as Promise<KubeObj>,
    );
  }

  replace(
    resource: Resource,
    namespace: string,
    body: KubeObj,
    options: WriteCallOptions = {},
  ): Promise<KubeObj> {
    return this.call(
      o =>
        this.custom.replaceNamespacedCustomObject(
          {
            ...resource,
            namespace,
            name: body.metadata!.name!,
            body,
            dryRun: options.dryRun ? 'All' : undefined,
            fieldManager: FIELD_MANAGER,
          },
          o,
        ) as Promise<KubeObj>,
    );
  }

  delete(
    resource: Resource,
    namespace: string,
    name: string,
    options: WriteCallOptions & { resourceVersion?: string } = {},
  ): Promise<unknown> {
    return this.call(o =>
      this.custom.deleteNamespacedCustomObject(
        {
          ...resource,
          namespace,
          name,
          dryRun: options.dryRun ? 'All' : undefined,
          body: options.resourceVersion
            ? { preconditions: { resourceVersion: options.resourceVersion } }
            : undefined,
        },
        o,
      ),
    );
  }

  /** The data of a Secret (base64 values), or undefined when it does not exist. */
  async secretData(
    namespace: string,
    name: string,
  ): Promise<Record<string, string> | undefined> {
    try {
      const secret = await this.call(o =>
        this.core.readNamespacedSecret({ namespace, name }, o),
      );
      return secret.data ?? {};
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

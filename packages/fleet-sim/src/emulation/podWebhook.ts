import type { AdmissionPlugin } from '../server/VirtualCluster';
import { WORKER_NAMESPACE } from '../scenario/plan';

/**
 * The worker operator's mutating pod webhook (REFERENCE §6.2): a pod
 * created in a namespace onboarded to a slice (label `kubeslice.io/slice`)
 * gets the slice label and, on a network slice, the NSM annotations that
 * give it an `nsm0` interface on the slice overlay. Opt out with the label
 * or annotation `kubeslice.io/exclude: "true"`.
 */

const SLICE_LABEL = 'kubeslice.io/slice';

export function sliceInjectionWebhook(): AdmissionPlugin {
  return ({ operation, cluster, rt, object }) => {
    if (operation !== 'CREATE' || rt.group !== '' || rt.plural !== 'pods')
      return undefined;
    if (!object) return undefined;
    const meta = object.metadata;
    if (
      meta.labels?.['kubeslice.io/exclude'] === 'true' ||
      meta.annotations?.['kubeslice.io/exclude'] === 'true' ||
      meta.annotations?.['kubeslice.io/status'] === 'injected'
    )
      return undefined;
    const ns = cluster.store.get(
      cluster.resourceType('namespaces'),
      undefined,
      meta.namespace!,
    );
    const slice = ns?.metadata.labels?.[SLICE_LABEL];
    if (!slice) return undefined;
    const sliceObj = cluster.store.get(
      cluster.resourceType('slices', 'networking.kubeslice.io'),
      WORKER_NAMESPACE,
      slice,
    );
    const network =
      sliceObj?.status?.sliceConfig?.sliceOverlayNetworkDeploymentMode !==
      'no-network';
    return {
      ...object,
      metadata: {
        ...meta,
        labels: { ...meta.labels, [SLICE_LABEL]: slice },
        ...(network
          ? {
              annotations: {
                ...meta.annotations,
                'ns.networkservicemesh.io': `vl3-service-${slice}`,
                'networkservicemesh.io': `kernel://vl3-service-${slice}/nsm0`,
                'kubeslice.io/status': 'injected',
              },
            }
          : {}),
      },
    };
  };
}

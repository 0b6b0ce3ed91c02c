import type { KubeObject } from '../api/types';

/**
 * The KubeSlice events the demo emits, copied from the upstream event schema
 * (kubeslice-controller `config/events/controller.yaml`, worker-operator
 * `config/events/worker-events.yaml`), and the recorder's object shape
 * (kubeslice-monitoring `pkg/events`).
 */

export interface EventSchema {
  name: string;
  reason: string;
  action: string;
  type: 'Normal' | 'Warning';
  message: string;
  reportingController: 'controller' | 'workerOperator';
}

const schema = (
  name: string,
  action: string,
  type: EventSchema['type'],
  message: string,
  reportingController: EventSchema['reportingController'],
  reason = name,
): EventSchema => ({
  name,
  reason,
  action,
  type,
  message,
  reportingController,
});

export const EVENT_CATALOGUE = {
  DefaultSliceQoSConfigCreated: schema(
    'DefaultSliceQoSConfigCreated',
    'CreateSliceQoSConfig',
    'Normal',
    'Default Slice QoS config created.',
    'controller',
  ),
  WorkerSliceConfigCreated: schema(
    'WorkerSliceConfigCreated',
    'CreateWorkerSliceConfig',
    'Normal',
    'Worker slice config got created.',
    'controller',
  ),
  WorkerSliceGatewayCreated: schema(
    'WorkerSliceGatewayCreated',
    'CreateWorkerSliceGateway',
    'Normal',
    'Worker slice gateway got created.',
    'controller',
  ),
  WorkerServiceImportCreated: schema(
    'WorkerServiceImportCreated',
    'CreateWorkerServiceImport',
    'Normal',
    'Worker service import got created.',
    'controller',
  ),
  ClusterUnhealthy: schema(
    'ClusterUnhealthy',
    'CheckComponents',
    'Warning',
    'Cluster is unhealthy - Please check if all worker components are running as expected',
    'workerOperator',
    'ComponentStatusChange',
  ),
  WorkerSliceHealthUpdated: schema(
    'WorkerSliceHealthUpdated',
    'ReconcileWorkerSliceConfig',
    'Normal',
    'WorkerSliceHealth updated.',
    'workerOperator',
  ),
  SliceGWCreated: schema(
    'SliceGWCreated',
    'CreateSliceGW',
    'Normal',
    'Slice GateWay created.',
    'workerOperator',
  ),
} as const;

export interface EventInput {
  schema: EventSchema;
  /** Namespace the Event is stored in. */
  namespace: string;
  involved: Pick<KubeObject, 'apiVersion' | 'kind'> & {
    name: string;
    namespace?: string;
  };
  time: Date;
  /** Label values of the recorder; see REFERENCE §9. */
  sliceName?: string;
  sliceCluster: string;
  sliceProject: string;
  sliceNamespace?: string;
  /** Added to the nanoseconds of the name, so events recorded in the same millisecond stay distinct. */
  seq?: number;
}

/** A core/v1 Event as the kubeslice-monitoring recorder writes it. */
export function makeEvent(input: EventInput): KubeObject {
  const { schema: s, time } = input;
  const iso = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  // Event names are `<involvedObject>.<hex unix nanoseconds>`.
  const nanos = BigInt(time.getTime()) * 1_000_000n + BigInt(input.seq ?? 0);
  const component =
    s.reportingController === 'controller'
      ? 'kubeslice-controller'
      : 'kubeslice-worker-operator';
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${input.involved.name}.${nanos.toString(16)}`,
      namespace: input.namespace,
      creationTimestamp: iso,
      labels: {
        eventTitle: s.name,
        sliceName: input.sliceName ?? 'NA',
        sliceCluster: input.sliceCluster,
        sliceProject: input.sliceProject,
        sliceNamespace: input.sliceNamespace ?? input.namespace,
        reportingControllerName: s.reportingController,
      },
      annotations: {
        release:
          s.reportingController === 'controller'
            ? 'kubeslice-controller'
            : 'kubeslice-worker',
      },
    },
    involvedObject: {
      apiVersion: input.involved.apiVersion,
      kind: input.involved.kind,
      name: input.involved.name,
      ...(input.involved.namespace
        ? { namespace: input.involved.namespace }
        : {}),
    },
    reason: s.reason,
    message: s.message,
    type: s.type,
    action: s.action,
    count: 1,
    firstTimestamp: iso,
    lastTimestamp: iso,
    eventTime: null,
    source: { component },
    reportingComponent: component,
    reportingInstance: component,
  };
}

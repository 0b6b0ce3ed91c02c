import type { EventObject } from '../kube/objects';
import type { SliceEvent } from './types';
import { projectOfNamespace } from './project';

/**
 * A KubeSlice event in portal terms. The recorder labels events with `eventTitle`,
 * `sliceName`, `sliceCluster` and `sliceProject` (REFERENCE §9); `sliceProject` may be the
 * project *namespace* (worker events), so both forms are accepted.
 */
export function toSliceEvent(hub: string, event: EventObject): SliceEvent {
  const labels = event.metadata?.labels ?? {};
  const project = projectOfNamespace(
    labels.sliceProject || event.metadata?.namespace,
  );
  const involved = event.involvedObject;
  return {
    hub,
    project,
    slice: labels.sliceName || undefined,
    cluster: labels.sliceCluster || undefined,
    title: labels.eventTitle || undefined,
    type: event.type ?? 'Normal',
    reason: event.reason,
    message: event.message,
    count: event.count ?? 1,
    time:
      event.lastTimestamp ??
      event.eventTime ??
      event.firstTimestamp ??
      event.metadata?.creationTimestamp,
    object:
      involved?.kind && involved?.name
        ? `${involved.kind}/${involved.name}`
        : undefined,
  };
}

/** Newest first; events without a time last. */
export function sortEvents(events: SliceEvent[]): SliceEvent[] {
  return [...events].sort((x, y) => (y.time ?? '').localeCompare(x.time ?? ''));
}

import type { EventObject } from '../kube/objects';
import type { SliceEvent } from './types';
import { projectOfNamespace } from './project';

/**
 * An ISO time from a Kubernetes time field. client-node's typed list calls turn times into
 * `Date` objects while watch events carry strings, so the same cache holds both.
 */
export function isoTime(value: unknown): string | undefined {
  // Duck-typed: Dates created in another realm (e.g. a test sandbox) fail `instanceof Date`.
  if (value && typeof (value as Date).toISOString === 'function') {
    const date = value as Date;
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

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
      isoTime(event.lastTimestamp) ??
      isoTime(event.eventTime) ??
      isoTime(event.firstTimestamp) ??
      isoTime(event.metadata?.creationTimestamp),
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

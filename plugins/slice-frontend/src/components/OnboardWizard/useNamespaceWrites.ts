import { useCallback, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  keyFindingPath,
  profileOf,
  projectProfile,
  type NamespaceWriteRequest,
  type SliceDetail,
} from '@slice-portal/plugin-slice-common';
import {
  sliceApiRef,
  type SliceApi,
  type SliceRef,
  type WriteOptions,
  type WriteResult,
} from '../../api/SliceApi';
import { isSliceWriteError, SliceWriteError } from '../../api/SliceWriteError';
import { useWizardWrite } from '../Wizard';

/** One write of the plan with its answer (dry run or applied). */
export interface PlannedWrite {
  request: NamespaceWriteRequest;
  result: WriteResult;
}

function send(
  api: SliceApi,
  ref: SliceRef,
  r: NamespaceWriteRequest,
  options: WriteOptions,
) {
  if (r.kind === 'onboard')
    return api.onboardNamespace(
      ref,
      { namespace: r.namespace, clusters: r.clusters },
      options,
    );
  if (r.kind === 'offboard')
    return api.offboardNamespace(
      { ...ref, namespace: r.namespace },
      r.clusters,
      options,
    );
  return api.updateSlice(ref, r.body, options);
}

/** The plan's writes as one WriteResult for the review: every finding keyed by namespace, the YAML after all writes. */
function combine(
  slice: SliceDetail,
  writes: PlannedWrite[],
  yamlOf: (object: unknown) => string,
): WriteResult {
  const members = slice.members.map(m => m.cluster);
  const last = writes[writes.length - 1].result;
  const preflight = writes.flatMap(w =>
    w.result.preflight.map(f => ({
      ...f,
      path: keyFindingPath(w.request, f.path, slice.sliceConfig, members),
    })),
  );
  if (writes.length === 1) return { ...last, preflight };
  // Each dry run is judged against the slice as stored; the YAML shows all of them applied.
  const first = writes[0].result.object as { spec?: object };
  const profile = projectProfile(
    profileOf(slice.sliceConfig),
    writes.map(w => w.request),
    members,
  );
  const object = {
    ...first,
    spec: { ...first.spec, namespaceIsolationProfile: profile },
  };
  return {
    ...last,
    object,
    yaml: yamlOf(object),
    diff: {
      changes: writes.flatMap(w => w.result.diff.changes),
      text: writes.map(w => w.result.diff.text).join('\n'),
    },
    preflight,
  };
}

/** All refusals of the dry runs as one: field errors keyed by namespace, else the first refusal. */
function refusal(
  slice: SliceDetail,
  failed: { request: NamespaceWriteRequest; error: SliceWriteError }[],
): SliceWriteError {
  const other = failed.find(f => f.error.kind !== 'invalid');
  if (other) return other.error;
  const members = slice.members.map(m => m.cluster);
  return new SliceWriteError({
    status: 400,
    message: failed.map(f => f.error.message).join(' '),
    fields: failed.flatMap(f =>
      f.error.fields.map(field => ({
        ...field,
        path: keyFindingPath(f.request, field.path, slice.sliceConfig, members),
      })),
    ),
  });
}

const asError = (e: unknown) =>
  isSliceWriteError(e) ? e : SliceWriteError.network(e);

/**
 * The review → apply cycle of the onboarding wizard on the shared `useWizardWrite`: the dry run
 * sends every write of the plan with `dryRun` (each against the slice as stored), apply sends
 * them in order and keeps each one's operation, so the progress shows every namespace × cluster.
 * After a 409 the page reloads the slice, the plan is made again from the same edits (writes
 * already applied are not sent twice) and applied.
 */
export function useNamespaceWrites(options: {
  ref?: SliceRef;
  slice?: SliceDetail;
  /** The writes for the slice as stored (made again after a reload). */
  planFor(slice: SliceDetail): NamespaceWriteRequest[];
  /** Loads the slice again and answers it. */
  reload(): Promise<SliceDetail | undefined>;
  yamlOf(object: unknown): string;
}) {
  const api = useApi(sliceApiRef);
  const opts = useRef(options);
  opts.current = options;
  // The freshest slice: the one rendered, or the one a reload answered before the next render.
  const fresh = useRef<{ from?: SliceDetail; slice?: SliceDetail }>({});
  if (fresh.current.from !== options.slice)
    fresh.current = { from: options.slice, slice: options.slice };
  const [applied, setApplied] = useState<PlannedWrite[]>([]);

  const dryRun = useCallback(async () => {
    const { ref, planFor, yamlOf } = opts.current;
    const slice = fresh.current.slice;
    const requests = slice ? planFor(slice) : [];
    if (!ref || !slice || !requests.length)
      throw new SliceWriteError({ status: 400, message: 'Nothing to change' });
    const writes: PlannedWrite[] = [];
    const failed: { request: NamespaceWriteRequest; error: SliceWriteError }[] =
      [];
    for (const request of requests) {
      try {
        writes.push({
          request,
          result: await send(api, ref, request, { dryRun: true }),
        });
      } catch (e) {
        failed.push({ request, error: asError(e) });
      }
    }
    if (failed.length) throw refusal(slice, failed);
    return combine(slice, writes, yamlOf);
  }, [api]);

  const apply = useCallback(async () => {
    const { ref, planFor } = opts.current;
    const slice = fresh.current.slice;
    if (!ref || !slice)
      throw new SliceWriteError({ status: 400, message: 'No slice' });
    const requests = planFor(slice);
    let last: WriteResult | undefined;
    for (const request of requests) {
      const result = await send(api, ref, request, {});
      setApplied(a => [...a, { request, result }]);
      last = result;
    }
    if (!last)
      throw new SliceWriteError({ status: 400, message: 'Nothing to change' });
    return last;
  }, [api]);

  const write = useWizardWrite({
    dryRun,
    apply,
    reload: async () => {
      const slice = await opts.current.reload();
      if (slice) fresh.current = { ...fresh.current, slice };
    },
  });
  return { ...write, appliedWrites: applied };
}

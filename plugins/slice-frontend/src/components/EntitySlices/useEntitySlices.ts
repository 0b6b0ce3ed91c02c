import { useApi } from '@backstage/core-plugin-api';
import {
  sliceMatches,
  type SliceDetail,
} from '@slice-portal/plugin-slice-common';
import { sliceApiRef } from '../../api/SliceApi';
import {
  parseServiceAnnotation,
  parseSliceAnnotation,
  type SliceSelector,
} from '../../annotations';
import { usePolled, type PolledState } from '../../hooks/usePolled';

export interface EntitySlices {
  /** Slices the entity is on (by annotation, or because they carry its service). */
  slices: SliceDetail[];
  /** Slices named by the annotation that the caller cannot see or that do not exist. */
  unmatched: SliceSelector[];
  /** Slices that matched but whose detail could not be read. */
  failed: { name: string; message: string }[];
}

/**
 * Finds the slices of an entity: those named by `kubeslice.io/slice`, and, with
 * `kubeslice.io/service`, those whose namespaces include the service's namespace and that
 * export it. Only slices the backend lets the caller see are read.
 */
export function useEntitySlices(annotations: {
  slice?: string;
  service?: string;
}): PolledState<EntitySlices> {
  const api = useApi(sliceApiRef);
  const selectors = parseSliceAnnotation(annotations.slice);
  const service = parseServiceAnnotation(annotations.service);
  return usePolled(
    `entity-slices?${annotations.slice ?? ''}&${annotations.service ?? ''}`,
    async signal => {
      const { items } = await api.listSlices(undefined, { signal });
      const candidates = items.filter(s =>
        selectors.length
          ? selectors.some(sel => sliceMatches(s, sel))
          : service !== undefined && s.namespaces.includes(service.namespace),
      );
      const results = await Promise.allSettled(
        candidates.map(s =>
          api.getSlice(
            { hub: s.hub, project: s.project, name: s.name },
            { signal },
          ),
        ),
      );
      const slices: SliceDetail[] = [];
      const failed: EntitySlices['failed'] = [];
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') slices.push(r.value);
        else
          failed.push({
            name: candidates[i].name,
            message: String((r.reason as Error)?.message ?? r.reason),
          });
      });
      const shown = selectors.length
        ? slices
        : slices.filter(d =>
            d.services.some(
              x =>
                x.name === service?.name && x.namespace === service?.namespace,
            ),
          );
      return {
        slices: shown,
        unmatched: selectors.filter(
          sel => !items.some(s => sliceMatches(s, sel)),
        ),
        failed,
      };
    },
  );
}

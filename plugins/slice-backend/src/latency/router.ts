import { InputError } from '@backstage/errors';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type express from 'express';
import { createSliceApiRouter } from '../api/openApiRouter';
import type {
  LatencyMatrixQuery,
  LatencySeriesQuery,
  LatencySliceRef,
  LatencySource,
} from './api';
import {
  formatShortDuration,
  parseIsoDateTime,
  parseShortDuration,
} from './durations';
import { defaultStepSeconds } from './queryPlan';

/** Most points a series may have: `(to − from) / step` is capped to this. */
export const DEFAULT_MAX_POINTS = 2000;
/** Most points when `step` is not given (a round step is chosen, see `defaultStepSeconds`). */
export const DEFAULT_TARGET_POINTS = 300;
/** Range when `from` (or `to`) is not given. */
export const DEFAULT_RANGE_MS = 3_600_000;
/** Largest matrix window. */
export const DEFAULT_MAX_WINDOW_SECONDS = 30 * 86_400;

/** A request of a latency route, as far as authentication needs it. */
type AuthRequest = Parameters<HttpAuthService['credentials']>[0];

export interface LatencyRouterOptions {
  latency: LatencySource;
  /**
   * Called with the validated slice before answering; throws (e.g. `NotAllowedError`)
   * when the caller may not read that slice.
   */
  authorizeSlice: (req: AuthRequest, ref: LatencySliceRef) => Promise<void>;
  /** The configured hub names; any other `hub` is rejected. */
  knownHubs: () => Iterable<string>;
  /** Smallest `step` in seconds (default 1; the sampling interval is a sensible value). */
  minStepSeconds?: number;
  /** Cap on `(to − from) / step` (default 2000). */
  maxPoints?: number;
  /** Largest matrix `window` in seconds (default 30 days). */
  maxWindowSeconds?: number;
  /** Current time, for default ranges; injectable for tests. */
  clock?: () => Date;
}

/**
 * The slice named by a request, once the document's validation has passed (three
 * required DNS-1123 labels); only the configured hubs are accepted beyond that.
 */
function readSliceRef(
  query: LatencySliceRef,
  knownHubs: () => Iterable<string>,
): LatencySliceRef {
  const { hub, project, slice } = query;
  if (![...knownHubs()].includes(hub)) {
    throw new InputError(`Invalid query parameter 'hub': unknown hub '${hub}'`);
  }
  return { hub, project, slice };
}

function readTime(
  name: 'from' | 'to',
  value: string | undefined,
): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const ms = parseIsoDateTime(value);
  if (ms === undefined) {
    throw new InputError(
      `Invalid query parameter '${name}': expected an ISO 8601 date-time with offset such as 2025-01-01T10:00:00Z, got '${value}'`,
    );
  }
  return ms;
}

/**
 * Routes of the latency history, to mount under the plugin's base path:
 *
 * - `GET /v1/latency?hub=&project=&slice=&from=&to=&step=&byPod=` → `LatencySeriesResponse`.
 *   `from`/`to` are ISO 8601 date-times (default: the last hour), `step` is seconds or
 *   `30s`/`5m`/`1h`/`1d` (default: a round step giving at most 300 points; from 5m on,
 *   answered from rollups); `byPod=true` gives one series per gateway pod.
 * - `GET /v1/latency/matrix?hub=&project=&slice=&window=` → `LatencyMatrixResponse`.
 *   `window` is `<n>m`, `<n>h` or `<n>d` (default `1h`).
 *
 * A query that would read or return too much is answered with 400 by the source,
 * saying how to narrow it.
 *
 * Parameters are checked against the API document first (`createSliceApiRouter`:
 * missing, unknown or malformed → 400 naming the parameter, so that a typo such as
 * `form=` does not silently fall back to a default); the handlers check what the
 * document cannot say: known hubs, `from` before `to`, the step and window limits.
 */
export async function createLatencyRouter(
  options: LatencyRouterOptions,
): Promise<express.Router> {
  const {
    latency,
    authorizeSlice,
    knownHubs,
    minStepSeconds = 1,
    maxPoints = DEFAULT_MAX_POINTS,
    maxWindowSeconds = DEFAULT_MAX_WINDOW_SECONDS,
    clock = () => new Date(),
  } = options;
  const router = createSliceApiRouter();

  router.get('/v1/latency', async (req, res) => {
    const ref = readSliceRef(req.query, knownHubs);

    let from = readTime('from', req.query.from);
    let to = readTime('to', req.query.to);
    if (to === undefined) {
      to = clock().getTime();
    }
    if (from === undefined) {
      from = to - DEFAULT_RANGE_MS;
    }
    if (from >= to) {
      throw new InputError(
        `Invalid query parameter 'from': must be before 'to' (${new Date(
          to,
        ).toISOString()})`,
      );
    }
    const rangeSeconds = (to - from) / 1000;

    const stepText = req.query.step;
    let stepSeconds: number;
    if (stepText === undefined) {
      stepSeconds = defaultStepSeconds({
        rangeSeconds,
        minStepSeconds,
        targetPoints: DEFAULT_TARGET_POINTS,
      });
    } else {
      const parsed = /^\d{1,9}$/.test(stepText)
        ? Number(stepText)
        : parseShortDuration(stepText);
      if (parsed === undefined || parsed <= 0) {
        throw new InputError(
          `Invalid query parameter 'step': expected seconds or a duration such as 30s, 5m, 1h, got '${stepText}'`,
        );
      }
      if (parsed < minStepSeconds) {
        throw new InputError(
          `Invalid query parameter 'step': must be at least ${formatShortDuration(
            minStepSeconds,
          )}`,
        );
      }
      stepSeconds = parsed;
    }
    const points = Math.ceil(rangeSeconds / stepSeconds);
    if (points > maxPoints) {
      throw new InputError(
        `Invalid query parameter 'step': ${formatShortDuration(
          stepSeconds,
        )} gives ${points} points ` +
          `over ${formatShortDuration(
            Math.ceil(rangeSeconds),
          )}, at most ${maxPoints} are allowed; ` +
          `use a step of at least ${formatShortDuration(
            Math.ceil(rangeSeconds / maxPoints),
          )}`,
      );
    }

    await authorizeSlice(req, ref);
    const query: LatencySeriesQuery = {
      ...ref,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      stepSeconds,
      byPod: req.query.byPod ?? false,
    };
    res.json(await latency.series(query));
  });

  router.get('/v1/latency/matrix', async (req, res) => {
    const ref = readSliceRef(req.query, knownHubs);
    const windowText = req.query.window ?? '1h';
    const windowSeconds = parseShortDuration(windowText, 'mhd');
    if (windowSeconds === undefined || windowSeconds <= 0) {
      throw new InputError(
        `Invalid query parameter 'window': expected a duration such as 15m, 1h, 24h or 7d, got '${windowText}'`,
      );
    }
    if (windowSeconds > maxWindowSeconds) {
      throw new InputError(
        `Invalid query parameter 'window': at most ${formatShortDuration(
          maxWindowSeconds,
        )}, got '${windowText}'`,
      );
    }

    await authorizeSlice(req, ref);
    const query: LatencyMatrixQuery = { ...ref, windowSeconds };
    res.json(await latency.matrix(query));
  });

  return router;
}

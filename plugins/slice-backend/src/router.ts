import type express from 'express';
import { gzipSync } from 'zlib';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  fleetView,
  summarizeCluster,
  summarizeSlice,
  type ApiSchema,
  type ClusterDetail,
  type FleetTunnel,
  type FleetSnapshot,
  type SliceDetail,
  type SliceTopology,
} from '@slice-portal/plugin-slice-common';
import type { FleetService } from './service/FleetService';
import {
  ALLOW_ALL,
  type ResourceFilter,
  type SliceAuthorizer,
} from './permissions/SliceAuthorizer';
import { createSliceApiRouter } from './api/openApiRouter';
import { sliceTopology } from './api/topology';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  authorizer: SliceAuthorizer;
  fleet: FleetService;
  /** Extra routers mounted under the same prefix (e.g. latency history). */
  extraRouters?: express.Router[];
}

/** A request of any route, as far as authentication needs it. */
type AnyRequest = Parameters<HttpAuthService['credentials']>[0];
/** The 200 body of a route: its typed body without the `Error` bodies of its 4xx answers. */
type SuccessBody<Body> = Exclude<Body, ApiSchema<'Error'>>;

const matchesText = (
  text: string | undefined,
  ...values: (string | undefined)[]
) => !text || values.some(v => v?.toLowerCase().includes(text.toLowerCase()));

/** The snapshot as one caller may see it: only the projects their permissions allow. */
function visibleSnapshot(
  snapshot: FleetSnapshot,
  slices: ResourceFilter,
  clusters: ResourceFilter,
): FleetSnapshot {
  // Unrestricted callers get the snapshot itself, so its serialised views are shared.
  if (slices === ALLOW_ALL && clusters === ALLOW_ALL) return snapshot;
  const filteredSlices = snapshot.slices.filter(s =>
    slices({ hub: s.hub, project: s.project, name: s.name }),
  );
  const filteredClusters = snapshot.clusters.filter(c =>
    clusters({ hub: c.hub, project: c.project, name: c.name }),
  );
  const projectVisible = (hub: string, project: string) =>
    slices({ hub, project }) || clusters({ hub, project });
  return {
    ...snapshot,
    hubs: snapshot.hubs.map(h => {
      const projects = h.projects.filter(p => projectVisible(h.name, p));
      return {
        ...h,
        projects,
        clusterCount: filteredClusters.filter(c => c.hub === h.name).length,
        sliceCount: filteredSlices.filter(s => s.hub === h.name).length,
      };
    }),
    slices: filteredSlices,
    clusters: filteredClusters,
    events: snapshot.events.filter(e => projectVisible(e.hub, e.project)),
    // Errors about workers name their project; hub-wide errors are shown to everyone who sees the hub.
    errors: snapshot.errors.filter(e => {
      const [kind, hub, project] = e.source.split('/');
      return kind !== 'worker' || projectVisible(hub, project);
    }),
  };
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, authorizer, fleet } = options;
  // Every request is checked against the API document before a handler runs, so the
  // handlers get `req.query` / `req.params` as the document types them.
  const router = createSliceApiRouter();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  /** The caller's view of the fleet, with one permission round-trip for both read filters. */
  async function view(req: AnyRequest) {
    const credentials = await httpAuth.credentials(req);
    await authorizer.requireFleetRead(credentials);
    const filters = await authorizer.readFilters(credentials);
    return {
      snapshot: visibleSnapshot(
        fleet.snapshot(),
        filters.slices,
        filters.clusters,
      ),
      filters,
    };
  }

  /**
   * Serialised views of a snapshot, computed once per snapshot and key, as JSON and gzip.
   * Unrestricted callers share the snapshot object, so at fleet scale a view is built,
   * stringified and compressed once per change instead of once per request (compression
   * of a half-megabyte view costs more than everything else a request does). Tenants'
   * filtered copies are computed per request.
   */
  const serialized = new WeakMap<
    FleetSnapshot,
    Map<string, { json: string; gzip?: Buffer }>
  >();
  function sendView<Body>(
    req: Pick<express.Request, 'acceptsEncodings'>,
    res: express.Response<Body>,
    snapshot: FleetSnapshot,
    key: string,
    build: () => SuccessBody<Body>,
  ) {
    let views = serialized.get(snapshot);
    if (!views) {
      views = new Map();
      serialized.set(snapshot, views);
    }
    // Sent as serialised text: `build` is what the document's type checks.
    const raw = res as express.Response;
    let cachedView = views.get(key);
    if (!cachedView) {
      cachedView = { json: JSON.stringify(build()) };
      views.set(key, cachedView);
    }
    raw.type('application/json');
    raw.vary('Accept-Encoding');
    if (
      cachedView.json.length > 1024 &&
      req.acceptsEncodings('gzip') === 'gzip'
    ) {
      cachedView.gzip ??= gzipSync(cachedView.json);
      // A Content-Encoding already set makes the compression middleware leave the body alone.
      raw.setHeader('Content-Encoding', 'gzip');
      raw.send(cachedView.gzip);
      return;
    }
    raw.send(cachedView.json);
  }

  function findSlice(
    snapshot: FleetSnapshot,
    params: { hub: string; project: string; name: string },
  ): SliceDetail {
    const slice = snapshot.slices.find(
      s =>
        s.hub === params.hub &&
        s.project === params.project &&
        s.name === params.name,
    );
    if (!slice) {
      if (!fleet.hubNames().includes(params.hub))
        throw new NotFoundError(`No hub named '${params.hub}'`);
      throw new NotFoundError(
        `No slice '${params.name}' in project '${params.project}' on hub '${params.hub}'`,
      );
    }
    return slice;
  }

  /** Decided before looking the slice up, as Kubernetes does, so a 403 says nothing about existence. */
  function requireSliceVisible(
    filter: ResourceFilter,
    params: { hub: string; project: string; name: string },
  ) {
    if (!filter(params)) {
      throw new NotAllowedError(
        `You may not read slices of project '${params.project}' (kubeslice.slice.read)`,
      );
    }
  }

  router.get('/v1/fleet', async (req, res) => {
    const { snapshot } = await view(req);
    sendView(req, res, snapshot, 'fleet', () => fleetView(snapshot));
  });

  router.get('/v1/clusters', async (req, res) => {
    const q = req.query;
    const { snapshot } = await view(req);
    sendView(req, res, snapshot, `clusters?${JSON.stringify(q)}`, () => ({
      items: snapshot.clusters
        .filter(
          c =>
            (!q.hub || c.hub === q.hub) &&
            (!q.project || c.project === q.project),
        )
        .filter(c => !q.health || c.health.state === q.health)
        .filter(c =>
          matchesText(
            q.text,
            c.name,
            c.project,
            c.geo.cloudProvider,
            c.geo.cloudRegion,
            ...c.slices,
          ),
        )
        .map(summarizeCluster),
      errors: snapshot.errors,
    }));
  });

  router.get('/v1/clusters/:hub/:name', async (req, res) => {
    const { params, query: q } = req;
    const { snapshot } = await view(req);
    const matches: ClusterDetail[] = snapshot.clusters.filter(
      c =>
        c.hub === params.hub &&
        c.name === params.name &&
        (!q.project || c.project === q.project),
    );
    if (matches.length === 0) {
      throw new NotFoundError(
        `No cluster '${params.name}' on hub '${params.hub}' that you may read`,
      );
    }
    if (matches.length > 1) {
      throw new ConflictError(
        `Cluster name '${
          params.name
        }' is registered in several projects (${matches
          .map(m => m.project)
          .join(', ')}); add ?project=`,
      );
    }
    res.json(matches[0]);
  });

  router.get('/v1/slices', async (req, res) => {
    const q = req.query;
    const { snapshot } = await view(req);
    sendView(req, res, snapshot, `slices?${JSON.stringify(q)}`, () => ({
      items: snapshot.slices
        .filter(
          s =>
            (!q.hub || s.hub === q.hub) &&
            (!q.project || s.project === q.project),
        )
        .filter(s => !q.cluster || s.members.some(m => m.cluster === q.cluster))
        .filter(s => !q.health || s.health.state === q.health)
        .filter(s =>
          matchesText(
            q.text,
            s.name,
            s.project,
            s.subnet,
            ...s.namespaces,
            ...s.members.map(m => m.cluster),
          ),
        )
        .map(summarizeSlice),
      errors: snapshot.errors,
    }));
  });

  /** The slice a `/v1/slices/{hub}/{project}/{name}[/…]` request is about, if the caller may read it. */
  async function requestedSlice(
    req: AnyRequest & {
      params: { hub: string; project: string; name: string };
    },
  ) {
    const params = req.params;
    const { snapshot, filters } = await view(req);
    requireSliceVisible(filters.slices, params);
    const slice = findSlice(snapshot, params);
    return {
      snapshot,
      slice,
      key: `${params.hub}/${params.project}/${params.name}`,
    };
  }

  router.get('/v1/slices/:hub/:project/:name', async (req, res) => {
    const { snapshot, slice, key } = await requestedSlice(req);
    sendView(req, res, snapshot, `slice:${key}`, () => slice);
  });

  router.get('/v1/slices/:hub/:project/:name/topology', async (req, res) => {
    const { snapshot, slice, key } = await requestedSlice(req);
    sendView(
      req,
      res,
      snapshot,
      `topology:${key}`,
      (): SliceTopology => sliceTopology(slice, snapshot.clusters),
    );
  });

  /** Every tunnel of every visible slice in one answer, so a fleet map needs one request. */
  router.get('/v1/tunnels', async (req, res) => {
    const q = req.query;
    const { snapshot } = await view(req);
    sendView(req, res, snapshot, `tunnels?${JSON.stringify(q)}`, () => ({
      items: snapshot.slices
        .filter(
          s =>
            (!q.hub || s.hub === q.hub) &&
            (!q.project || s.project === q.project),
        )
        .filter(s => !q.slice || s.name === q.slice)
        .flatMap(s =>
          s.tunnels.map(
            (t): FleetTunnel => ({
              hub: s.hub,
              project: s.project,
              slice: s.name,
              a: t.a,
              b: t.b,
              state: t.state,
              latencyMs: t.latencyMs,
              packetLossPercent: t.packetLossPercent,
            }),
          ),
        ),
      errors: snapshot.errors,
    }));
  });

  router.get('/v1/events', async (req, res) => {
    const q = req.query;
    const { snapshot } = await view(req);
    const since = q.since ? Date.parse(q.since) : undefined;
    const items = snapshot.events
      .filter(
        e =>
          (!q.hub || e.hub === q.hub) &&
          (!q.project || e.project === q.project),
      )
      .filter(
        e =>
          (!q.slice || e.slice === q.slice) &&
          (!q.cluster || e.cluster === q.cluster),
      )
      .filter(e => !q.type || e.type === q.type)
      .filter(
        e =>
          since === undefined ||
          (e.time !== undefined && Date.parse(e.time) >= since),
      )
      .slice(0, q.limit ?? 200);
    res.json({ items, errors: snapshot.errors });
  });

  for (const extra of options.extraRouters ?? []) router.use(extra);

  return router;
}

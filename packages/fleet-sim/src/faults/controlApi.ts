import type http from 'node:http';
import { ApiError } from '../api/errors';
import { sendJson, type ApiServer } from '../server/ApiServer';
import type { FaultController } from './FaultController';

/**
 * The simulator's control API under `/sim/v1/` (what `fleet-sim fault ...`
 * calls). Admin token only: it can break the whole fleet.
 *
 *   GET    /sim/v1/faults                               current faults
 *   POST   /sim/v1/faults/clusters/<c>/down | /up       take a cluster down, bring it back
 *   POST   /sim/v1/faults/clusters/<c>/watch-drop       end its open watches (one-shot)
 *   POST   /sim/v1/faults/clusters/<c>/compact          compact its watch history (one-shot)
 *   POST   /sim/v1/faults/clusters/<c>/operator-down | /operator-up
 *   POST   /sim/v1/faults/clusters/<c>/partition | /heal
 *   POST   /sim/v1/faults/links/<a>/<b>/degrade         {latencyMs, packetLossPercent}
 *   POST   /sim/v1/faults/links/<a>/<b>/cut | /restore
 *   PUT    /sim/v1/faults/apis/<c>                      {delayMs, errorRate, errorCode, resource?}
 *   PUT    /sim/v1/faults/apis/<c>/<resource>           the same for one resource (plural)
 *   DELETE /sim/v1/faults/apis/<c>[/<resource>]         every API fault of <c> / only <resource>'s
 *   POST   /sim/v1/faults/reset                         clear everything
 *   POST   /sim/v1/refresh                              run one worker status round now
 */

/** `POST faults/clusters/<c>/<action>`: the one-argument faults by their path word. */
const CLUSTER_ACTIONS = new Map<
  string,
  (f: FaultController, cluster: string) => unknown
>([
  ['down', (f, c) => f.clusterDown(c)],
  ['up', (f, c) => f.clusterUp(c)],
  ['watch-drop', (f, c) => f.dropWatches(c)],
  ['compact', (f, c) => f.compact(c)],
  ['operator-down', (f, c) => f.operatorDown(c)],
  ['operator-up', (f, c) => f.operatorUp(c)],
  ['partition', (f, c) => f.partition(c)],
  ['heal', (f, c) => f.heal(c)],
]);

function readJson(req: http.IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve({});
      try {
        const v = JSON.parse(text);
        if (!v || typeof v !== 'object' || Array.isArray(v))
          throw new Error('not an object');
        return resolve(v);
      } catch (e) {
        return reject(
          ApiError.badRequest(
            `the body must be a JSON object: ${(e as Error).message}`,
          ),
        );
      }
    });
  });
}

export function controlApiHandler(
  server: ApiServer,
  faults: FaultController,
  refresh: () => void,
) {
  return async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> => {
    server.authenticateServer(req);
    const parts = url.pathname
      .slice('/sim/v1/'.length)
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const body = ['POST', 'PUT'].includes(method) ? await readJson(req) : {};
    const route = `${method} ${parts
      .map((p, i) => (isParam(parts, i) ? ':' : p))
      .join('/')}`;
    const action = CLUSTER_ACTIONS.get(parts[3]);
    if (action && route === `POST faults/clusters/:/${parts[3]}`)
      return sendJson(res, 200, action(faults, parts[2]));
    switch (route) {
      case 'GET faults':
        return sendJson(res, 200, faults.snapshot());
      case 'POST faults/links/:/:/degrade':
        return sendJson(res, 200, faults.degradeLink(parts[2], parts[3], body));
      case 'POST faults/links/:/:/cut':
        return sendJson(res, 200, faults.cutLink(parts[2], parts[3]));
      case 'POST faults/links/:/:/restore':
        return sendJson(res, 200, faults.restoreLink(parts[2], parts[3]));
      case 'PUT faults/apis/:':
        return sendJson(res, 200, faults.apiFault(parts[2], body));
      case 'PUT faults/apis/:/:':
        return sendJson(
          res,
          200,
          faults.apiFault(parts[2], { ...body, resource: parts[3] }),
        );
      case 'DELETE faults/apis/:':
        return sendJson(res, 200, faults.clearApiFault(parts[2]));
      case 'DELETE faults/apis/:/:':
        return sendJson(
          res,
          200,
          faults.clearApiFault(parts[2], { resource: parts[3] }),
        );
      case 'POST faults/reset':
        return sendJson(res, 200, faults.reset());
      case 'POST refresh':
        refresh();
        return sendJson(res, 200, faults.snapshot());
      default:
        throw ApiError.pathNotFound();
    }
  };
}

/** Which path segments are parameters (cluster names) rather than fixed words. */
function isParam(parts: string[], i: number): boolean {
  if (parts[0] !== 'faults') return false;
  if (parts[1] === 'clusters') return i === 2;
  if (parts[1] === 'apis' || parts[1] === 'links') return i === 2 || i === 3;
  return false;
}

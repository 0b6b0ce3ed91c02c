import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../api/errors';
import { bearerToken, TokenRegistry, type Identity } from './auth';
import { discoveryDocument, versionInfo } from './discovery';
import { gateError, type RequestGate } from './gate';
import { impersonatedIdentity } from './impersonation';
import { OpenApiService } from './openapi';
import { handleResource, sendJson } from './resourceHandler';
import { parseRoute, type Route } from './router';
import type { TlsMaterial } from './tls';
import type { VirtualCluster } from './VirtualCluster';
import type { WatchStream } from './watch';

export type { RequestGate } from './gate';

/**
 * One HTTP(S) listener serving many virtual clusters under
 * `/clusters/<name>/...`: authentication, authorization, routing, discovery
 * and the REST/watch verbs. Cluster contents live in each VirtualCluster.
 */

export interface ApiServerOptions {
  /** Serve HTTPS with this key/cert; plain HTTP when absent. */
  tls?: TlsMaterial;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** How often watches that allow bookmarks get one. */
  bookmarkIntervalMs?: number;
  maxBodyBytes?: number;
  now?: () => Date;
}

/** Serves a path outside the virtual clusters (`/metrics`, `/sim/v1/...`). */
export type ExtraHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
) => Promise<void> | void;

const CLUSTER_PATH = /^\/clusters\/([^/]+)(\/.*)?$/;

export { sendJson };

export class ApiServer {
  /** Tokens valid on every virtual cluster (the admin token). */
  readonly tokens = new TokenRegistry();
  private readonly clusters = new Map<string, VirtualCluster>();
  private readonly watches = new Map<WatchStream, string>();
  private readonly extraHandlers = new Map<string, ExtraHandler>();
  private readonly openapi = new OpenApiService();
  private gate?: RequestGate;
  private readonly server: http.Server;
  private readonly bookmarkIntervalMs: number;
  private readonly maxBodyBytes: number;
  private readonly now: () => Date;
  private boundPort = 0;

  constructor(private readonly options: ApiServerOptions = {}) {
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 15_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 3 * 1024 * 1024;
    this.now = options.now ?? (() => new Date());
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      this.handle(req, res).catch(e => this.fail(res, e));
    };
    this.server = options.tls
      ? https.createServer(
          { key: options.tls.keyPem, cert: options.tls.certPem },
          handler,
        )
      : http.createServer(handler);
    // Watches are long-lived responses; never time out the request on the server side.
    this.server.requestTimeout = 0;
  }

  get protocol(): 'https' | 'http' {
    return this.options.tls ? 'https' : 'http';
  }

  get port(): number {
    return this.boundPort;
  }

  /** Base URL clients use (an unspecified listen address is reached via loopback). */
  get url(): string {
    let host = this.options.host ?? '127.0.0.1';
    if (host === '0.0.0.0') host = '127.0.0.1';
    if (host === '::') host = '::1';
    return `${this.protocol}://${host.includes(':') ? `[${host}]` : host}:${
      this.boundPort
    }`;
  }

  clusterUrl(name: string): string {
    return `${this.url}/clusters/${encodeURIComponent(name)}`;
  }

  addCluster(cluster: VirtualCluster): void {
    if (this.clusters.has(cluster.name))
      throw new Error(`duplicate virtual cluster "${cluster.name}"`);
    this.clusters.set(cluster.name, cluster);
  }

  /** Serves `path` (exact) or everything below it when `path` ends in `/`. */
  addHandler(path: string, handler: ExtraHandler): void {
    this.extraHandlers.set(path, handler);
  }

  setRequestGate(gate: RequestGate | undefined): void {
    this.gate = gate;
  }

  /** Ends the open watches on one virtual cluster (it went down or restarted: its connections break). */
  closeWatches(cluster: string): void {
    for (const [w, name] of [...this.watches.entries()])
      if (name === cluster) w.close();
  }

  /** The identity of an admin-level (server-wide) token, or a 401. */
  authenticateServer(req: http.IncomingMessage): Identity {
    const token = bearerToken(req.headers);
    const identity = token ? this.tokens.lookup(token) : undefined;
    if (!identity) throw ApiError.unauthorized();
    return identity;
  }

  cluster(name: string): VirtualCluster | undefined {
    return this.clusters.get(name);
  }

  clusterNames(): string[] {
    return [...this.clusters.keys()];
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(
        this.options.port ?? 0,
        this.options.host ?? '127.0.0.1',
        () => {
          this.server.off('error', reject);
          this.boundPort = (this.server.address() as AddressInfo).port;
          resolve(this.boundPort);
        },
      );
    });
  }

  /** Ends every watch stream and connection, then stops listening. */
  close(): Promise<void> {
    for (const w of [...this.watches.keys()]) w.close();
    return new Promise(resolve => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private fail(res: http.ServerResponse, e: unknown): void {
    const err =
      e instanceof ApiError
        ? e
        : ApiError.internal((e as Error)?.message ?? String(e));
    if (!(e instanceof ApiError))
      process.stderr.write(
        `fleet-sim: internal error: ${(e as Error)?.stack ?? e}\n`,
      );
    if (res.headersSent) {
      res.end();
      return;
    }
    sendJson(res, err.code, err.toStatus());
  }

  private async handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fleet-sim');
    if (url.pathname === '/') {
      sendJson(res, 200, {
        kind: 'FleetSim',
        clusters: this.clusterNames().map(n => ({
          name: n,
          path: `/clusters/${n}`,
        })),
      });
      return;
    }
    if (['/healthz', '/livez', '/readyz'].includes(url.pathname)) {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    for (const [path, handler] of this.extraHandlers) {
      if (
        url.pathname === path ||
        (path.endsWith('/') && url.pathname.startsWith(path))
      ) {
        await handler(req, res, url);
        return;
      }
    }
    const m = CLUSTER_PATH.exec(url.pathname);
    if (!m) throw ApiError.pathNotFound();
    const cluster = this.clusters.get(decodeURIComponent(m[1]));
    if (!cluster)
      throw new ApiError(
        404,
        'NotFound',
        `virtual cluster "${
          m[1]
        }" does not exist (known: ${this.clusterNames().join(', ')})`,
      );
    const route = parseRoute(m[2] ?? '/');
    if (this.gate) {
      const { delayMs, errorCode } = this.gate({
        cluster: cluster.name,
        resource: route.type === 'resource' ? route.plural : undefined,
      });
      if (delayMs > 0) await new Promise(r => setTimeout(r, delayMs));
      if (errorCode) throw gateError(errorCode);
    }

    // Like a real API server's public-info-viewer role: version and health need no credentials.
    if (route.type === 'version') {
      sendJson(res, 200, versionInfo());
      return;
    }
    if (route.type === 'health') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }

    const identity = this.authenticate(req, cluster);
    await this.dispatch(req, res, url, cluster, route, identity);
  }

  private authenticate(
    req: http.IncomingMessage,
    cluster: VirtualCluster,
  ): Identity {
    const token = bearerToken(req.headers);
    const identity = token
      ? this.tokens.lookup(token) ?? cluster.tokens.lookup(token)
      : undefined;
    if (!identity) throw ApiError.unauthorized();
    return impersonatedIdentity({
      headers: req.headersDistinct,
      caller: identity,
      cluster,
      serverTokens: this.tokens,
    });
  }

  private async dispatch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    cluster: VirtualCluster,
    route: Route,
    identity: Identity,
  ): Promise<void> {
    const host = req.headers.host ?? `127.0.0.1:${this.boundPort}`;
    const discovery = discoveryDocument(route, cluster.registry, host);
    if (discovery) return sendJson(res, 200, discovery);
    switch (route.type) {
      case 'openapi':
        return this.openapi.handle({
          req,
          res,
          url,
          cluster,
          path: route.path,
        });
      case 'resource':
        return handleResource({
          req,
          res,
          url,
          cluster,
          route,
          identity,
          bookmarkIntervalMs: this.bookmarkIntervalMs,
          maxBodyBytes: this.maxBodyBytes,
          now: this.now,
          trackWatch: stream => {
            this.watches.set(stream, cluster.name);
            return () => this.watches.delete(stream);
          },
        });
      default:
        throw ApiError.pathNotFound();
    }
  }
}

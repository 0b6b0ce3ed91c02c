import { createHash } from 'node:crypto';
import type http from 'node:http';
import { ApiError } from '../api/errors';
import { swaggerDocument } from '../openapi/v2';
import { encodeSwaggerProto } from '../openapi/v2proto';
import { v3Discovery, v3Documents, type V3Document } from '../openapi/v3';
import type { VirtualCluster } from './VirtualCluster';

/**
 * `/openapi/v2` (JSON, or gnostic protobuf when asked for it) and
 * `/openapi/v3[/<api|apis>/…]` of one virtual cluster. The documents are
 * built once per cluster (its kinds never change) and served with an ETag;
 * a v3 document fetched with its current `hash=` is immutable, one with a
 * stale hash is redirected to the current one, as kube-apiserver does.
 */

const PROTO_V2 = [
  'application/com.github.proto-openapi.spec.v2@v1.0+protobuf',
  'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
];

interface ClusterDocs {
  v3: Map<string, V3Document>;
  discovery: string;
  v2?: { json: string; proto: Buffer; etag: string };
}

const etagOf = (data: string | Buffer) =>
  `"${createHash('sha512').update(data).digest('hex').toUpperCase()}"`;

export interface OpenApiRequest {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  cluster: VirtualCluster;
  /** The path below `/openapi/` (`v2`, `v3`, `v3/apis/<group>/<version>`). */
  path: string;
}

export class OpenApiService {
  private readonly docs = new WeakMap<VirtualCluster, ClusterDocs>();

  private documents(cluster: VirtualCluster): ClusterDocs {
    let d = this.docs.get(cluster);
    if (!d) {
      const v3 = v3Documents(cluster.registry);
      d = { v3, discovery: JSON.stringify(v3Discovery(v3)) };
      this.docs.set(cluster, d);
    }
    return d;
  }

  private v2(cluster: VirtualCluster) {
    const d = this.documents(cluster);
    if (!d.v2) {
      const doc = swaggerDocument(cluster.registry);
      const json = JSON.stringify(doc);
      d.v2 = { json, proto: encodeSwaggerProto(doc), etag: etagOf(json) };
    }
    return d.v2;
  }

  handle({ req, res, url, cluster, path }: OpenApiRequest): void {
    const accept = req.headers.accept ?? '';
    const send = (
      body: string | Buffer,
      contentType: string,
      etag: string,
      cache = 'no-cache, private',
    ) => {
      const headers = {
        ETag: etag,
        'Cache-Control': cache,
        Vary: 'Accept',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, {
        ...headers,
        'Content-Type': contentType,
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (path === 'v2') {
      const v2 = this.v2(cluster);
      const proto = PROTO_V2.find(t => accept.includes(t));
      // Answered with the form without `@`, which Go's mime parser accepts.
      if (proto) send(v2.proto, PROTO_V2[1], etagOf(v2.proto));
      else if (!accept || /json|\*\/\*/.test(accept))
        send(v2.json, 'application/json', v2.etag);
      else throw notAcceptable(accept);
      return;
    }
    if (accept && !/json|\*\/\*/.test(accept)) throw notAcceptable(accept);
    const docs = this.documents(cluster);
    if (path === 'v3') {
      send(docs.discovery, 'application/json', etagOf(docs.discovery));
      return;
    }
    const doc = path.startsWith('v3/') ? docs.v3.get(path.slice(3)) : undefined;
    if (!doc) throw ApiError.pathNotFound();
    const hash = url.searchParams.get('hash');
    if (hash && hash !== doc.hash) {
      const location = `/clusters/${encodeURIComponent(
        cluster.name,
      )}/openapi/v3/${doc.key}?hash=${doc.hash}`;
      res.writeHead(301, { Location: location }).end();
      return;
    }
    send(
      doc.json,
      'application/json',
      `"${doc.hash}"`,
      hash ? 'public, immutable' : 'no-cache, private',
    );
  }
}

function notAcceptable(accept: string): ApiError {
  return new ApiError(
    406,
    'NotAcceptable',
    `only the following media types are accepted: application/json (got "${accept}")`,
  );
}

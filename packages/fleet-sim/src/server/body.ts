import type http from 'node:http';
import yaml from 'js-yaml';
import { ApiError } from '../api/errors';

/**
 * Reads and decodes a request body: JSON, or YAML for server-side apply
 * (`application/apply-patch+yaml`, which JSON is a subset of). POST and PUT
 * take JSON only, as the simulator speaks no protobuf.
 */

export const APPLY_PATCH = 'application/apply-patch+yaml';

export interface ReadBodyOptions {
  method: string;
  maxBytes: number;
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim();
}

export function readBody(
  req: http.IncomingMessage,
  options: ReadBodyOptions,
): Promise<unknown> {
  const contentType = mediaType(req.headers['content-type']);
  if (
    (options.method === 'POST' || options.method === 'PUT') &&
    contentType &&
    contentType !== 'application/json'
  ) {
    return Promise.reject(ApiError.unsupportedMediaType(contentType));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) {
        reject(
          new ApiError(
            413,
            'RequestEntityTooLarge',
            `the request body exceeds ${options.maxBytes} bytes`,
          ),
        );
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) {
        resolve(undefined);
        return;
      }
      if (contentType === APPLY_PATCH) {
        try {
          resolve(yaml.load(text, { schema: yaml.JSON_SCHEMA }));
        } catch (e) {
          reject(
            ApiError.badRequest(
              `error decoding YAML: ${(e as Error).message.split('\n')[0]}`,
            ),
          );
        }
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        reject(
          ApiError.badRequest(
            `the request body is not valid JSON: ${(e as Error).message}`,
          ),
        );
      }
    });
  });
}

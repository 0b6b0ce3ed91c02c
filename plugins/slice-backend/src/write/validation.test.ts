import express from 'express';
import request from 'supertest';
import { MAX_BODY_BYTES, jsonBody, validateRequest } from './validation';

const req = (over: { params?: object; query?: object; body?: unknown }) =>
  ({ params: {}, query: {}, body: undefined, ...over } as any);
const slice = { hub: 'demo', project: 'acme' };
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as Error & { fields: { path: string; message: string }[] };
  }
  throw new Error('not refused');
};

describe('validateRequest', () => {
  const valid = { name: 'orders', spec: { clusters: ['aws-eu'] } };

  it('accepts a valid request and reads dryRun as a boolean', () => {
    expect(
      validateRequest(
        'createSlice',
        req({ params: slice, query: { dryRun: 'true' }, body: valid }),
      ),
    ).toEqual({ params: slice, query: { dryRun: true }, body: valid });
  });

  it('names an unknown field, a missing one and a pattern with its rule in words', () => {
    const e = refusal(() =>
      validateRequest(
        'createSlice',
        req({
          params: slice,
          body: {
            name: 'Orders',
            spec: { clusters: ['aws-eu'], color: 'red' },
            extra: 1,
          },
        }),
      ),
    );
    expect(e.name).toBe('InputError');
    expect(e.fields.map(f => f.path).sort()).toEqual([
      'extra',
      'name',
      'spec.color',
    ]);
    expect(e.message).toContain('spec.color is not a known field');
    expect(e.message).toContain(
      'name must be a DNS-1123 label (keep slice names to 15 characters or fewer: longer ones break service export), got "Orders"',
    );
    const missing = refusal(() =>
      validateRequest(
        'createSlice',
        req({ params: slice, body: { spec: { clusters: [] } } }),
      ),
    );
    expect(missing.fields).toEqual([
      { path: 'name', message: 'name is required', source: 'request' },
    ]);
  });

  it('refuses a CIDR that does not parse and a list that is too long, naming the element', () => {
    const e = refusal(() =>
      validateRequest(
        'createSlice',
        req({
          params: slice,
          body: {
            name: 'x',
            spec: {
              clusters: Array(10_000).fill('a'),
              sliceSubnet: '10.0.0.300/16',
            },
          },
        }),
      ),
    );
    expect(e.fields.map(f => f.path)).toEqual([
      'spec.clusters',
      'spec.sliceSubnet',
    ]);
    expect(e.message).toContain(
      'spec.clusters must NOT have more than 32 items',
    );
  });

  it('reports at most 20 problems', () => {
    const e = refusal(() =>
      validateRequest(
        'onboardNamespace',
        req({
          params: { ...slice, name: 's' },
          body: { namespace: 'n', clusters: Array(30).fill('BAD') },
        }),
      ),
    );
    expect(e.fields).toHaveLength(20);
    expect(e.message).toMatch(/\(and \d+ more\)$/);
  });

  it('checks path and query parameters: patterns, unknown and repeated parameters', () => {
    expect(
      refusal(() =>
        validateRequest(
          'deleteSlice',
          req({ params: { ...slice, name: 'Bad' } }),
        ),
      ).fields[0].path,
    ).toBe('params.name');
    expect(
      refusal(() =>
        validateRequest(
          'deleteSlice',
          req({ params: { ...slice, name: 's' }, query: { force: 'true' } }),
        ),
      ).message,
    ).toBe('Invalid query: query.force is not a known field');
    expect(
      refusal(() =>
        validateRequest(
          'deleteSlice',
          req({
            params: { ...slice, name: 's' },
            query: { dryRun: ['true', 'false'] },
          }),
        ),
      ).message,
    ).toBe('Invalid query: query.dryRun must be given once, as a plain value');
    expect(
      refusal(() =>
        validateRequest(
          'deleteSlice',
          req({ params: { ...slice, name: 's' }, query: { dryRun: 'yes' } }),
        ),
      ).message,
    ).toBe('Invalid query: query.dryRun must be boolean');
    expect(
      validateRequest(
        'offboardNamespace',
        req({
          params: { ...slice, name: 's', namespace: 'n' },
          query: { clusters: 'a,b.c' },
        }),
      ).query,
    ).toEqual({ clusters: 'a,b.c' });
  });

  it('takes an optional body as empty, and requires a required one', () => {
    expect(
      validateRequest(
        'readRegistrationValues',
        req({ params: { ...slice, name: 'c' } }),
      ).body,
    ).toEqual({});
    expect(
      refusal(() => validateRequest('createSlice', req({ params: slice })))
        .message,
    ).toContain('needs a JSON object body');
  });
});

describe('jsonBody', () => {
  const app = express();
  app.post('/v1/slices/:hub/:project', jsonBody(), (r, res) => {
    try {
      validateRequest('createSlice', r);
      res.json({ ok: true });
    } catch (e) {
      res
        .status(400)
        .json({ message: (e as Error).message, fields: (e as any).fields });
    }
  });

  it('lets the route refuse a body that is too large or not JSON (so the refusal is audited)', async () => {
    const big = await request(app)
      .post('/v1/slices/demo/acme')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) }))
      .expect(400);
    expect(big.body.message).toBe('Invalid body: larger than 100 KiB');
    const broken = await request(app)
      .post('/v1/slices/demo/acme')
      .set('Content-Type', 'application/json')
      .send('{"a":')
      .expect(400);
    expect(broken.body.message).toBe('Invalid body: not valid JSON');
    await request(app)
      .post('/v1/slices/demo/acme')
      .send({ name: 'ok', spec: { clusters: [] } })
      .expect(200);
  });
});

import type { ApiHolder, ApiRef } from '@backstage/frontend-plugin-api';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { sliceApiRef } from '../api/SliceApi';
import { SliceClient } from '../api/SliceClient';
import {
  validateClusters,
  validateSlice,
  validateSliceNamespace,
} from './validation';

const BASE = 'http://backend.test/api/slice/v1';

/** The APIs a field's validation gets: our client over msw, and a permission API. */
function apiHolder(decide: (ref?: string) => AuthorizeResult): ApiHolder {
  const apis = new Map<string, unknown>([
    [
      sliceApiRef.id,
      new SliceClient({
        discoveryApi: {
          getBaseUrl: async () => 'http://backend.test/api/slice',
        },
        fetchApi: { fetch: (...args) => fetch(...args) },
      }),
    ],
    [
      permissionApiRef.id,
      {
        authorize: async (req: { resourceRef?: string }) => ({
          result: decide(req.resourceRef),
        }),
      },
    ],
  ]);
  return { get: <T>(ref: ApiRef<T>) => apis.get(ref.id) as T | undefined };
}

/** The errors a validation adds to its field. */
function field() {
  const errors: string[] = [];
  return { errors, addError: (m: string) => errors.push(m) } as any;
}

const refused = (fields: { path: string; message: string }[]) =>
  HttpResponse.json(
    { error: { name: 'InputError', message: 'Preflight refused', fields } },
    { status: 400 },
  );

describe('scaffolder field validation', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const allow = apiHolder(() => AuthorizeResult.ALLOW);

  it('clusters: a dry run of the create, its findings about the members beside the field', async () => {
    const seen: { url: string; body: any }[] = [];
    server.use(
      http.post(`${BASE}/slices/demo/acme`, async ({ request }) => {
        seen.push({ url: request.url, body: await request.json() });
        return refused([
          {
            path: 'spec.clusters[1]',
            message: 'gcp-west is in project arcade',
          },
          { path: 'name', message: 'name taken' },
        ]);
      }),
    );
    const f = field();
    await validateClusters(['aws-eu', 'gcp-west'], f, {
      apiHolder: allow,
      formData: { hub: 'demo', project: 'acme', name: 'checkout' },
      schema: {},
    });
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toMatch(/\?dryRun=true$/);
    expect(seen[0].body).toMatchObject({
      name: 'checkout',
      spec: { clusters: ['aws-eu', 'gcp-west'] },
    });
    // The name is another field's business.
    expect(f.errors).toEqual(['gcp-west is in project arcade']);
  });

  it('clusters: nothing asked and nothing added before there is a member', async () => {
    const f = field();
    await validateClusters([], f, {
      apiHolder: allow,
      formData: { hub: 'demo', project: 'acme' },
      schema: {},
    });
    expect(f.errors).toEqual([]);
  });

  it('namespace: a dry run of the onboarding on the form’s members (or every one), its refusal beside the field', async () => {
    const bodies: any[] = [];
    server.use(
      http.post(
        `${BASE}/slices/demo/arcade/pacman/namespaces`,
        async ({ request }) => {
          const body = (await request.json()) as any;
          bodies.push(body);
          return body.namespace === 'kube-system'
            ? refused([
                {
                  path: 'spec.namespaceIsolationProfile.applicationNamespaces[namespace=kube-system]',
                  message: 'kube-system is reserved',
                },
              ])
            : HttpResponse.json({
                dryRun: true,
                object: {},
                yaml: '',
                diff: { changes: [], text: '' },
                preflight: [],
              });
        },
      ),
    );
    const form = { hub: 'demo', project: 'arcade', slice: 'pacman' };
    const bad = field();
    await validateSliceNamespace('kube-system', bad, {
      apiHolder: allow,
      formData: form,
      schema: {},
    });
    expect(bad.errors).toEqual(['kube-system is reserved']);
    const good = field();
    await validateSliceNamespace('web', good, {
      apiHolder: allow,
      formData: { ...form, clusters: ['aws-east'] },
      schema: {},
    });
    expect(good.errors).toEqual([]);
    expect(bodies).toEqual([
      { namespace: 'kube-system', clusters: ['*'] },
      { namespace: 'web', clusters: ['aws-east'] },
    ]);
  });

  it('slice: refused with the permission when the policy says the user may not change it', async () => {
    const holder = apiHolder(ref =>
      ref === 'demo/arcade/pacman'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );
    const denied = field();
    await validateSlice('tetris', denied, {
      apiHolder: holder,
      formData: { hub: 'demo', project: 'arcade' },
      schema: {},
    });
    expect(denied.errors).toEqual([
      'You may not change slice tetris (kubeslice.slice.update): pick another slice.',
    ]);
    const allowed = field();
    await validateSlice('pacman', allowed, {
      apiHolder: holder,
      formData: { hub: 'demo', project: 'arcade' },
      schema: {},
    });
    expect(allowed.errors).toEqual([]);
  });
});

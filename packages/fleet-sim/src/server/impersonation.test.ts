import { startFleetSim, type FleetSim } from '../sim/startFleetSim';
import { simRequest, type TestRequest } from '../sim/testClient';

/**
 * Impersonation headers over verified HTTPS: who may impersonate whom, and
 * that the request then has exactly the impersonated user's rights (token
 * identities, RoleBindings in the cluster, `system:masters`).
 */

const C = '/apis/controller.kubeslice.io/v1alpha1/namespaces/kubeslice-arcade';
const VIEWER =
  'system:serviceaccount:kubeslice-arcade:kubeslice-rbac-ro-viewer';
const EDITOR = 'system:serviceaccount:kubeslice-arcade:kubeslice-rbac-rw-admin';
let sim: FleetSim;
let viewerToken: string;

beforeAll(async () => {
  sim = await startFleetSim({ statusIntervalMs: 0 });
  const secret = await simRequest(sim, {
    path: '/api/v1/namespaces/kubeslice-arcade/secrets/kubeslice-rbac-ro-viewer',
  });
  viewerToken = Buffer.from(secret.body.data.token, 'base64').toString();
  // A caller that may impersonate users and groups, nothing else.
  sim.cluster('hub')!.tokens.add('limited-token', {
    username: 'limited',
    groups: ['system:authenticated'],
    rules: [
      {
        apiGroups: [''],
        resources: ['users', 'groups'],
        verbs: ['impersonate'],
      },
    ],
  });
});
afterAll(() => sim.close());

const as = (
  user: string | undefined,
  r: TestRequest,
  more: Record<string, string | string[]> = {},
) =>
  simRequest(sim, {
    ...r,
    headers: { ...(user ? { 'Impersonate-User': user } : {}), ...more },
  });

const qos = (name: string) => ({
  apiVersion: 'controller.kubeslice.io/v1alpha1',
  kind: 'SliceQoSConfig',
  metadata: { name },
  spec: {
    queueType: 'HTB',
    priority: 1,
    tcType: 'BANDWIDTH_CONTROL',
    bandwidthCeilingKbps: 20000,
    bandwidthGuaranteedKbps: 5000,
    dscpClass: 'AF21',
  },
});

describe('impersonation', () => {
  it("runs the admin's request with a read-only project account's rights", async () => {
    const list = await as(VIEWER, { path: `${C}/sliceconfigs` });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const write = await as(VIEWER, {
      method: 'POST',
      path: `${C}/sliceqosconfigs`,
      body: qos('nope'),
    });
    expect(write.status).toBe(403);
    expect(write.body.message).toBe(
      `sliceqosconfigs.controller.kubeslice.io is forbidden: User "${VIEWER}" cannot create resource "sliceqosconfigs" in API group "controller.kubeslice.io" in the namespace "kubeslice-arcade"`,
    );
    const elsewhere = await as(VIEWER, {
      path: '/apis/controller.kubeslice.io/v1alpha1/namespaces/kubeslice-acme/sliceconfigs',
    });
    expect(elsewhere.status).toBe(403);
    const asEditor = await as(EDITOR, {
      method: 'POST',
      path: `${C}/sliceqosconfigs?dryRun=All`,
      body: qos('fine'),
    });
    expect(asEditor.status).toBe(201);
  });

  it('forbids callers without the impersonate verb, like the API server', async () => {
    const user = await simRequest(sim, {
      path: `${C}/sliceconfigs`,
      token: viewerToken,
      headers: { 'Impersonate-User': 'alice' },
    });
    expect(user.status).toBe(403);
    expect(user.body).toMatchObject({
      reason: 'Forbidden',
      message: `users "alice" is forbidden: User "${VIEWER}" cannot impersonate resource "users" in API group "" at the cluster scope`,
      details: { name: 'alice', group: '', kind: 'users' },
    });
    const sa = await simRequest(sim, {
      path: `${C}/sliceconfigs`,
      token: viewerToken,
      headers: { 'Impersonate-User': EDITOR },
    });
    expect(sa.body.message).toBe(
      `serviceaccounts "kubeslice-rbac-rw-admin" is forbidden: User "${VIEWER}" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "kubeslice-arcade"`,
    );
  });

  it('checks groups, uid and extras one by one', async () => {
    const limited = (headers: Record<string, string | string[]>) =>
      simRequest(sim, {
        path: `${C}/sliceconfigs`,
        token: 'limited-token',
        headers,
      });
    // Users and groups are allowed: system:masters then grants everything.
    const masters = await limited({
      'Impersonate-User': 'alice',
      'Impersonate-Group': 'system:masters',
    });
    expect(masters.status).toBe(200);
    const uid = await limited({
      'Impersonate-User': 'alice',
      'Impersonate-Uid': 'u-1',
    });
    expect(uid.status).toBe(403);
    expect(uid.body.message).toBe(
      'uids.authentication.k8s.io "u-1" is forbidden: User "limited" cannot impersonate resource "uids" in API group "authentication.k8s.io" at the cluster scope',
    );
    const extra = await limited({
      'Impersonate-User': 'alice',
      'Impersonate-Extra-Scopes': 'view',
    });
    expect(extra.body.message).toBe(
      'userextras.authentication.k8s.io "view" is forbidden: User "limited" cannot impersonate resource "userextras/scopes" in API group "authentication.k8s.io" at the cluster scope',
    );
    // The admin may impersonate all of them.
    const admin = await as(
      'alice',
      { path: `${C}/sliceconfigs` },
      {
        'Impersonate-Group': 'system:masters',
        'Impersonate-Uid': 'u-1',
        'Impersonate-Extra-Scopes': ['view', 'edit'],
      },
    );
    expect(admin.status).toBe(200);
    const noUser = await as(
      undefined,
      { path: `${C}/sliceconfigs` },
      {
        'Impersonate-Group': 'system:masters',
      },
    );
    expect(noUser.status).toBe(500);
    expect(noUser.body.message).toMatch(/without impersonating a user/);
  });

  it('grants what RoleBindings in the cluster give the user or one of its groups', async () => {
    const rbac =
      '/apis/rbac.authorization.k8s.io/v1/namespaces/kubeslice-arcade';
    expect((await as('carol', { path: `${C}/sliceconfigs` })).status).toBe(403);
    await simRequest(sim, {
      method: 'POST',
      path: `${rbac}/roles`,
      body: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'slice-reader' },
        rules: [
          {
            apiGroups: ['controller.kubeslice.io'],
            resources: ['sliceconfigs'],
            verbs: ['get', 'list'],
          },
        ],
      },
    });
    await simRequest(sim, {
      method: 'POST',
      path: `${rbac}/rolebindings`,
      body: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'slice-readers' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: 'slice-reader',
        },
        subjects: [
          { kind: 'User', name: 'carol' },
          { kind: 'Group', name: 'arcade-readers' },
        ],
      },
    });
    expect((await as('carol', { path: `${C}/sliceconfigs` })).status).toBe(200);
    expect((await as('carol', { path: `${C}/sliceqosconfigs` })).status).toBe(
      403,
    );
    // Repeated Impersonate-Group headers: the second one carries the binding.
    const dave = await as(
      'dave',
      { path: `${C}/sliceconfigs` },
      {
        'Impersonate-Group': ['other', 'arcade-readers'],
      },
    );
    expect(dave.status).toBe(200);
    expect(
      (
        await as(
          'dave',
          { path: `${C}/sliceconfigs` },
          { 'Impersonate-Group': 'other' },
        )
      ).status,
    ).toBe(403);
  });

  it("gives a worker's dashboard account its cluster-wide read on that worker", async () => {
    const dashboard =
      'system:serviceaccount:kubeslice-system:kubeslice-kubernetes-dashboard';
    const read = await as(dashboard, {
      cluster: 'aws-east',
      path: '/api/v1/namespaces',
    });
    expect(read.status).toBe(200);
    const write = await as(dashboard, {
      cluster: 'aws-east',
      method: 'DELETE',
      path: '/api/v1/namespaces/kubeslice-system',
    });
    expect(write.status).toBe(403);
  });
});

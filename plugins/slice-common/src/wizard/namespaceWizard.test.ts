import { buildNamespaceGrid } from './namespaceGrid';
import { emptyNamespaceEdits } from './namespacePlan';
import {
  NAMESPACE_WIZARD_STEPS,
  isNamespaceName,
  keyFindingPath,
  namespaceProblems,
} from './namespaceWizard';
import { stepOfField } from './steps';

const sliceConfig = {
  spec: {
    clusters: ['a', 'b'],
    namespaceIsolationProfile: {
      applicationNamespaces: [{ namespace: 'web', clusters: ['*'] }],
      allowedNamespaces: [{ namespace: 'monitoring', clusters: ['*'] }],
    },
  },
};
const members = ['a', 'b'];
const APP = 'spec.namespaceIsolationProfile.applicationNamespaces';
const ALLOWED = 'spec.namespaceIsolationProfile.allowedNamespaces';

describe('keyFindingPath', () => {
  const onboard = {
    kind: 'onboard' as const,
    namespace: 'api',
    clusters: ['b'],
  };
  it('keys a preflight finding’s list position by the namespace there', () => {
    expect(
      keyFindingPath(onboard, `${APP}[1].namespace`, sliceConfig, members),
    ).toBe(`${APP}[namespace=api].namespace`);
    expect(keyFindingPath(onboard, `${APP}[0]`, sliceConfig, members)).toBe(
      `${APP}[namespace=web]`,
    );
    expect(
      keyFindingPath(onboard, `${APP}[7].clusters`, sliceConfig, members),
    ).toBe(`${APP}[7].clusters`);
  });
  it('keys the request’s own fields', () => {
    expect(keyFindingPath(onboard, 'namespace', sliceConfig, members)).toBe(
      `${APP}[namespace=api].namespace`,
    );
    expect(keyFindingPath(onboard, 'clusters[0]', sliceConfig, members)).toBe(
      `${APP}[namespace=api].clusters`,
    );
    const off = {
      kind: 'offboard' as const,
      namespace: 'web',
      clusters: ['x'],
    };
    expect(keyFindingPath(off, 'query.clusters', sliceConfig, members)).toBe(
      `${APP}[namespace=web].clusters`,
    );
  });
  it('keys allowed namespaces and isolation of an update', () => {
    const update = {
      kind: 'update' as const,
      body: {
        isolationEnabled: true,
        addAllowedNamespaces: [{ namespace: 'ops', clusters: ['*'] }],
        removeAllowedNamespaces: ['monitoring'],
      },
    };
    expect(
      keyFindingPath(
        update,
        'addAllowedNamespaces[0].namespace',
        sliceConfig,
        members,
      ),
    ).toBe(`${ALLOWED}[namespace=ops].namespace`);
    expect(
      keyFindingPath(
        update,
        'removeAllowedNamespaces[0]',
        sliceConfig,
        members,
      ),
    ).toBe(`${ALLOWED}[namespace=monitoring]`);
    expect(
      keyFindingPath(update, 'isolationEnabled', sliceConfig, members),
    ).toBe('spec.namespaceIsolationProfile.isolationEnabled');
    // after the update, ops is the only allowed namespace
    expect(keyFindingPath(update, `${ALLOWED}[0]`, sliceConfig, members)).toBe(
      `${ALLOWED}[namespace=ops]`,
    );
    expect(
      keyFindingPath(update, 'spec.sliceSubnet', sliceConfig, members),
    ).toBe('spec.sliceSubnet');
  });
  it('keyed paths belong to the step that edits them', () => {
    expect(
      stepOfField(NAMESPACE_WIZARD_STEPS, `${APP}[namespace=api].clusters`),
    ).toBe('namespaces');
    expect(
      stepOfField(NAMESPACE_WIZARD_STEPS, `${ALLOWED}[namespace=ops]`),
    ).toBe('isolation');
    expect(stepOfField(NAMESPACE_WIZARD_STEPS, 'params.name')).toBe('slice');
  });
});

describe('namespaceProblems', () => {
  const grid = buildNamespaceGrid({
    slice: {
      hub: 'h',
      name: 's',
      namespaceStates: [],
      sliceConfig,
      members: members.map(cluster => ({
        cluster,
        onboardedNamespaces: [],
        health: { state: 'ok' as const, reasons: [] },
      })),
    },
    clusters: [{ name: 'b', namespaces: [{ name: 'taken', slice: 'other' }] }],
  });
  it('reports a conflict on the clusters another slice has the namespace on', () => {
    const problems = namespaceProblems(grid, {
      ...emptyNamespaceEdits(),
      namespaces: { taken: '*' },
    });
    expect(problems).toEqual([
      {
        path: `${APP}[namespace=taken].clusters`,
        severity: 'error',
        code: 'conflict',
        namespace: 'taken',
        conflicts: [{ cluster: 'b', slice: 'other' }],
      },
    ]);
    expect(
      namespaceProblems(grid, {
        ...emptyNamespaceEdits(),
        namespaces: { taken: ['a'] },
      }),
    ).toEqual([]);
  });
  it('reports bad names and system namespaces', () => {
    const problems = namespaceProblems(grid, {
      namespaces: { Bad_Name: ['a'], 'kube-system': ['a'] },
      addAllowed: ['-x'],
      removeAllowed: [],
    });
    expect(problems.map(p => [p.code, p.severity, p.namespace])).toEqual([
      ['invalidName', 'error', 'Bad_Name'],
      ['reserved', 'warning', 'kube-system'],
      ['invalidName', 'error', '-x'],
    ]);
  });
  it('accepts DNS labels only', () => {
    expect(isNamespaceName('web-1')).toBe(true);
    expect(isNamespaceName('a'.repeat(64))).toBe(false);
    expect(isNamespaceName('Web')).toBe(false);
  });
});

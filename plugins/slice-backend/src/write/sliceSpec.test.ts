import {
  newSliceConfig,
  withAllNamespacesOffboarded,
  withNamespaceOffboarded,
  withNamespaceOnboarded,
  withSliceUpdate,
} from './sliceSpec';
import { diffObjects } from './diff';

const stored = () => ({
  metadata: { name: 'pay', namespace: 'kubeslice-acme', resourceVersion: '5' },
  spec: {
    clusters: ['a', 'b', 'c'],
    standardQosProfileName: 'gold',
    namespaceIsolationProfile: {
      isolationEnabled: false,
      applicationNamespaces: [
        { namespace: 'web', clusters: ['*'] },
        { namespace: 'db', clusters: ['a', 'b'] },
        { namespace: 'edge', clusters: ['c'] },
      ],
      allowedNamespaces: [{ namespace: 'mon', clusters: ['c'] }],
    },
    sliceGatewayProvider: {
      sliceGatewayType: 'OpenVPN',
      sliceCaType: 'Local',
      sliceGatewayServiceType: [
        { cluster: 'c', type: 'LoadBalancer', protocol: 'UDP' },
      ],
    },
  },
});
const namespaces = (o: any) =>
  o.spec.namespaceIsolationProfile.applicationNamespaces;

describe('slice changes', () => {
  it('fills what a slice needs (REFERENCE §10) and a gateway provider only for network slices', () => {
    const network = newSliceConfig({
      name: 's',
      namespace: 'kubeslice-a',
      spec: { clusters: ['a'] },
    });
    expect(network).toEqual({
      apiVersion: 'controller.kubeslice.io/v1alpha1',
      kind: 'SliceConfig',
      metadata: { name: 's', namespace: 'kubeslice-a' },
      spec: {
        clusters: ['a'],
        sliceType: 'Application',
        sliceIpamType: 'Local',
        sliceGatewayProvider: {
          sliceGatewayType: 'OpenVPN',
          sliceCaType: 'Local',
        },
      },
    });
    const wireguard = newSliceConfig({
      name: 's',
      namespace: 'n',
      spec: {
        clusters: [],
        sliceGatewayProvider: { sliceGatewayType: 'Wireguard' },
      },
    });
    expect(wireguard.spec.sliceGatewayProvider).toEqual({
      sliceGatewayType: 'Wireguard',
      sliceCaType: 'Local',
    });
    const plain = newSliceConfig({
      name: 's',
      namespace: 'n',
      spec: { clusters: [], overlayNetworkDeploymentMode: 'no-network' },
    });
    expect(plain.spec.sliceGatewayProvider).toBeUndefined();
  });

  it('onboards by union of clusters, and "*" absorbs any list', () => {
    const s = stored();
    expect(namespaces(withNamespaceOnboarded(s, 'db', ['c', 'a']))[1]).toEqual({
      namespace: 'db',
      clusters: ['a', 'b', 'c'],
    });
    expect(namespaces(withNamespaceOnboarded(s, 'db', ['*']))[1]).toEqual({
      namespace: 'db',
      clusters: ['*'],
    });
    expect(namespaces(withNamespaceOnboarded(s, 'web', ['a']))[0]).toEqual({
      namespace: 'web',
      clusters: ['*'],
    });
    expect(namespaces(withNamespaceOnboarded(s, 'new', ['b'])).pop()).toEqual({
      namespace: 'new',
      clusters: ['b'],
    });
    expect(s).toEqual(stored()); // the input is never changed
    const bare = { metadata: { name: 'x' }, spec: { clusters: ['a'] } };
    expect(namespaces(withNamespaceOnboarded(bare, 'n', ['a']))).toEqual([
      { namespace: 'n', clusters: ['a'] },
    ]);
  });

  it('offboards from some clusters (expanding "*") or from the slice; unknown namespace 404, non-member 400', () => {
    expect(
      namespaces(withNamespaceOffboarded(stored(), 'web', ['b']))[0],
    ).toEqual({ namespace: 'web', clusters: ['a', 'c'] });
    expect(
      namespaces(withNamespaceOffboarded(stored(), 'edge', ['c'])).map(
        (e: any) => e.namespace,
      ),
    ).toEqual(['web', 'db']);
    expect(
      namespaces(withNamespaceOffboarded(stored(), 'db', undefined)).map(
        (e: any) => e.namespace,
      ),
    ).toEqual(['web', 'edge']);
    expect(() => withNamespaceOffboarded(stored(), 'nope', undefined)).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    expect(() => withNamespaceOffboarded(stored(), 'web', ['z'])).toThrow(
      expect.objectContaining({
        name: 'InputError',
        fields: [expect.objectContaining({ path: 'query.clusters' })],
      }),
    );
    expect(namespaces(withAllNamespacesOffboarded(stored()))).toEqual([]);
  });

  it('removes a member with the bindings and gateway settings only it had', () => {
    const updated = withSliceUpdate(stored(), {
      removeClusters: ['c'],
      addClusters: ['d', 'a'],
    });
    expect(updated.spec.clusters).toEqual(['a', 'b', 'd']);
    expect(namespaces(updated)).toEqual([
      { namespace: 'web', clusters: ['*'] },
      { namespace: 'db', clusters: ['a', 'b'] },
    ]);
    expect(updated.spec.namespaceIsolationProfile.allowedNamespaces).toEqual(
      [],
    );
    expect(updated.spec.sliceGatewayProvider.sliceGatewayServiceType).toEqual(
      [],
    );
  });

  it('replaces the QoS (profile or inline, clearing the other), isolation and allowed namespaces', () => {
    const inline = {
      priority: 1,
      bandwidthCeilingKbps: 10,
      bandwidthGuaranteedKbps: 5,
      dscpClass: 'EF',
    };
    const updated = withSliceUpdate(stored(), {
      qos: { qosProfileDetails: inline },
      isolationEnabled: true,
      addAllowedNamespaces: [
        { namespace: 'mon', clusters: ['a'] },
        { namespace: 'logs', clusters: ['*'] },
      ],
      removeAllowedNamespaces: ['nothing-here'],
    });
    expect(updated.spec.standardQosProfileName).toBeUndefined();
    expect(updated.spec.qosProfileDetails).toEqual(inline);
    expect(updated.spec.namespaceIsolationProfile.isolationEnabled).toBe(true);
    expect(updated.spec.namespaceIsolationProfile.allowedNamespaces).toEqual([
      { namespace: 'mon', clusters: ['c', 'a'] },
      { namespace: 'logs', clusters: ['*'] },
    ]);
    const back = withSliceUpdate(updated, {
      qos: { standardQosProfileName: 'silver' },
      removeAllowedNamespaces: ['mon'],
    });
    expect(back.spec.qosProfileDetails).toBeUndefined();
    expect(back.spec.standardQosProfileName).toBe('silver');
    expect(back.spec.namespaceIsolationProfile.allowedNamespaces).toEqual([
      { namespace: 'logs', clusters: ['*'] },
    ]);
  });

  it('changes one inline QoS value in place, so the diff shows only that value', () => {
    const details = {
      queueType: 'HTB',
      priority: 1,
      tcType: 'BANDWIDTH_CONTROL',
      bandwidthCeilingKbps: 5120,
      bandwidthGuaranteedKbps: 2560,
      dscpClass: 'AF11',
    };
    // Inline QoS stored before the isolation profile, as `kubectl get` returns it.
    const { clusters, namespaceIsolationProfile, sliceGatewayProvider } =
      stored().spec;
    const inline = {
      ...stored(),
      spec: {
        clusters,
        qosProfileDetails: details,
        namespaceIsolationProfile,
        sliceGatewayProvider,
      },
    };
    // The form sends the fields in an order of its own.
    const { dscpClass, ...others } = details;
    const updated = withSliceUpdate(inline, {
      qos: { qosProfileDetails: { dscpClass, ...others, priority: 2 } },
    });
    expect(Object.keys(updated.spec)).toEqual(Object.keys(inline.spec));
    expect(Object.keys(updated.spec.qosProfileDetails)).toEqual(
      Object.keys(details),
    );
    const changed = diffObjects(inline, updated)
      .text.split('\n')
      .filter(l => /^[-+](?![-+])/.test(l));
    expect(changed).toEqual(['-    priority: 1', '+    priority: 2']);
  });
});

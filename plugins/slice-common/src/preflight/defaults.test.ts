import { withSliceConfigDefaults } from './defaults';

describe('withSliceConfigDefaults', () => {
  it('fills the CRD defaults and the mutating webhook cipher of a network slice', () => {
    const out = withSliceConfigDefaults({
      metadata: { name: 's' },
      spec: {
        sliceGatewayProvider: { sliceGatewayServiceType: [{ cluster: 'c1' }] },
        qosProfileDetails: { priority: 1 },
        namespaceIsolationProfile: {},
      },
    });
    expect(out.spec).toEqual({
      maxClusters: 16,
      overlayNetworkDeploymentMode: 'single-network',
      rotationInterval: 30,
      sliceIpamType: 'Local',
      sliceType: 'Application',
      namespaceIsolationProfile: { isolationEnabled: false },
      qosProfileDetails: {
        priority: 1,
        queueType: 'HTB',
        tcType: 'BANDWIDTH_CONTROL',
      },
      sliceGatewayProvider: {
        sliceCaType: 'Local',
        sliceGatewayType: 'OpenVPN',
        sliceGatewayServiceType: [
          { cluster: 'c1', protocol: 'UDP', type: 'NodePort' },
        ],
      },
      vpnConfig: { cipher: 'AES-256-CBC' },
    });
  });

  it('drops vpnConfig of a no-network slice, keeps set values, does not touch the input', () => {
    const input = {
      spec: {
        overlayNetworkDeploymentMode: 'no-network',
        vpnConfig: { cipher: 'AES-128-CBC' },
        maxClusters: 4,
      },
    };
    const out = withSliceConfigDefaults(input);
    expect(out.spec?.vpnConfig).toBeUndefined();
    expect(out.spec?.maxClusters).toBe(4);
    expect(input.spec.vpnConfig).toEqual({ cipher: 'AES-128-CBC' });
    expect(
      withSliceConfigDefaults({
        spec: { vpnConfig: { cipher: 'AES-128-CBC' } },
      }).spec?.vpnConfig,
    ).toEqual({
      cipher: 'AES-128-CBC',
    });
  });
});

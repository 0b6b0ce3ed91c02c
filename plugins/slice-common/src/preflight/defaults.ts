import type { PreflightSliceConfig, PreflightSliceConfigSpec } from './types';

/**
 * The SliceConfig as the webhooks see it: the API server fills the CRD
 * schema defaults before admission, and the controller's mutating webhook
 * then sets or drops `vpnConfig` (REFERENCE §2.3). The rules must judge that
 * object, not the form's: e.g. an update that leaves out `maxClusters` sends
 * 16, which is a change if the slice was created with 8.
 *
 * Defaults only fill absent fields inside objects that are present, as the
 * API server does; values of the wrong type are left for the schema rules.
 */
export function withSliceConfigDefaults(
  slice: PreflightSliceConfig,
): PreflightSliceConfig {
  const copy: PreflightSliceConfig = JSON.parse(JSON.stringify(slice ?? {}));
  const spec: PreflightSliceConfigSpec = (copy.spec ??= {});
  spec.maxClusters ??= 16;
  spec.overlayNetworkDeploymentMode ??= 'single-network';
  spec.rotationInterval ??= 30;
  spec.sliceIpamType ??= 'Local';
  spec.sliceType ??= 'Application';
  if (isObject(spec.namespaceIsolationProfile))
    spec.namespaceIsolationProfile.isolationEnabled ??= false;
  if (isObject(spec.qosProfileDetails)) {
    spec.qosProfileDetails.queueType ??= 'HTB';
    spec.qosProfileDetails.tcType ??= 'BANDWIDTH_CONTROL';
  }
  const provider = spec.sliceGatewayProvider;
  if (isObject(provider)) {
    provider.sliceCaType ??= 'Local';
    provider.sliceGatewayType ??= 'OpenVPN';
    if (Array.isArray(provider.sliceGatewayServiceType))
      for (const t of provider.sliceGatewayServiceType) {
        if (!isObject(t)) continue;
        t.protocol ??= 'UDP';
        t.type ??= 'NodePort';
      }
  }
  if (isObject(spec.vpnConfig)) spec.vpnConfig.cipher ??= 'AES-256-CBC';
  // Mutating webhook: network slices always get a cipher, no-network ones never keep one.
  if (spec.overlayNetworkDeploymentMode === 'no-network') delete spec.vpnConfig;
  else spec.vpnConfig ??= { cipher: 'AES-256-CBC' };
  return copy;
}

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

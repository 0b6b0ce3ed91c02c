/**
 * Write preflight: pure checks of a proposed SliceConfig, Cluster or
 * SliceQoSConfig write against REFERENCE §2, run before the hub sees it.
 */
export { preflightSliceConfig } from './preflight';
export { preflightCluster } from './registerCluster';
export type { ClusterPreflightInput } from './registerCluster';
export { preflightQos, QOS_PRIORITY_RANGE } from './qos';
export type { QosPreflightInput } from './qos';
export { hasPreflightErrors } from './findings';
export { withSliceConfigDefaults } from './defaults';
export { RECOMMENDED_NAME_LENGTH } from './naming';
export { RESERVED_NAMESPACES } from './namespaces';
export { DSCP_CLASSES, OVERLAY_MODES } from './schema';
export { LABEL_STANDARD_QOS_PROFILE } from './fleetIndex';
export {
  parseIPv4,
  formatIPv4,
  ipv4Octets,
  parseIPv4Cidr,
  ipv4CidrsOverlap,
  isPrivateIPv4Cidr,
  isIPv6,
  isIpAddress,
} from './cidr';
export type { Ipv4Cidr } from './cidr';
export { PREFLIGHT_CODES } from './types';
export type {
  PreflightCode,
  PreflightResult,
  PreflightSeverity,
  PreflightFleet,
  PreflightOptions,
  PreflightSliceConfig,
  PreflightSliceConfigSpec,
  PreflightWorkerSliceConfig,
  PreflightVpnKeyRotation,
  SliceConfigPreflightInput,
  SliceGatewayServiceType,
  ExternalGatewayConfig,
  QosProfileDetails,
} from './types';

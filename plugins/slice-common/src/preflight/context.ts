import type { FleetIndex } from './fleetIndex';
import type { PreflightSliceConfig } from './types';

/** What every SliceConfig rule module gets for a create or update. */
export interface SliceRuleContext {
  operation: 'create' | 'update';
  /** The proposed SliceConfig with schema and mutating-webhook defaults applied. */
  slice: PreflightSliceConfig;
  /** On update: the stored SliceConfig, defaulted the same way. */
  current?: PreflightSliceConfig;
  fleet: FleetIndex;
  now: Date;
  name: string | undefined;
  /** `overlayNetworkDeploymentMode` is not `no-network`: gateway, subnet and QoS rules apply. */
  network: boolean;
  /** An update moving the slice off `no-network`: immutability is lifted and the network is new. */
  leavingNoNetwork: boolean;
  /** `spec.clusters`, strings only. */
  members: string[];
  /**
   * Members whose preconditions the webhook checks in this request: all on
   * create and when the slice leaves `no-network`, else only newly added
   * ones (REFERENCE §2.3 "Only newly added clusters are re-checked").
   */
  checkedMembers: ReadonlySet<string>;
  /** The project's `<project>-default-slice`, where `"*"` bindings are refused. */
  isDefaultSlice: boolean;
}

export const SPEC_NS_PROFILE = 'spec.namespaceIsolationProfile';

/** The strings of a list field, ignoring entries of the wrong type (the schema rules report those). */
export function strings(v: unknown): string[] {
  return Array.isArray(v)
    ? v.filter((s): s is string => typeof s === 'string')
    : [];
}

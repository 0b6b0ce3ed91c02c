import { checkClusters } from './clusters';
import { strings, type SliceRuleContext } from './context';
import { withSliceConfigDefaults } from './defaults';
import { checkSliceDelete } from './delete';
import { FleetIndex } from './fleetIndex';
import { Findings } from './findings';
import { checkName, checkProjectNamespace } from './naming';
import { checkNamespaces } from './namespaces';
import { checkNetwork } from './network';
import { checkSliceQos } from './qos';
import { checkSchema, SLICE_CONFIG_SPEC_SCHEMA } from './schema';
import type {
  PreflightOptions,
  PreflightResult,
  SliceConfigPreflightInput,
} from './types';

/**
 * Preflight of a SliceConfig create, update or delete: everything REFERENCE
 * §2.3 says the hub refuses (as `error`), plus what the hub accepts but the
 * controller or workers trip over later (as `warning`). Pure: it only reads
 * the given objects. An empty list, or warnings only, means the hub is
 * expected to accept the write.
 */
export function preflightSliceConfig(
  input: SliceConfigPreflightInput,
  options: PreflightOptions = {},
): PreflightResult[] {
  const out = new Findings();
  if (input.operation === 'delete') {
    const { metadata } = input.current;
    checkSliceDelete(
      metadata?.name ?? '',
      new FleetIndex(input.fleet, metadata?.namespace),
      out,
    );
    return out.results;
  }

  const slice = withSliceConfigDefaults(input.proposed);
  const current =
    input.operation === 'update'
      ? withSliceConfigDefaults(input.current)
      : undefined;
  // On update the URL names the object; the stored name and namespace are authoritative.
  const name = current?.metadata?.name ?? slice.metadata?.name;
  const namespace = current?.metadata?.namespace ?? slice.metadata?.namespace;
  const fleet = new FleetIndex(input.fleet, namespace);
  const members = strings(slice.spec?.clusters);
  const network = slice.spec?.overlayNetworkDeploymentMode !== 'no-network';
  const leavingNoNetwork =
    current?.spec?.overlayNetworkDeploymentMode === 'no-network' && network;
  const before = new Set(strings(current?.spec?.clusters));
  const ctx: SliceRuleContext = {
    operation: input.operation,
    slice,
    current,
    fleet,
    now: options.now ?? new Date(),
    name,
    network,
    leavingNoNetwork,
    members,
    // A slice leaving no-network gets its network preconditions checked for
    // the first time, so every member counts as joining (REFERENCE is silent
    // on this move; the stricter reading keeps preflight on the safe side).
    checkedMembers: new Set(
      !current || leavingNoNetwork
        ? members
        : members.filter(m => !before.has(m)),
    ),
    isDefaultSlice: name !== undefined && name === fleet.defaultSliceName(),
  };

  if (input.operation === 'create')
    checkName(name, out, { kind: 'SliceConfig', warnLength: true });
  checkProjectNamespace(fleet, out, 'SliceConfig');
  checkSchema(SLICE_CONFIG_SPEC_SCHEMA, slice.spec, 'spec', out);
  checkClusters(ctx, out);
  checkNamespaces(ctx, out);
  checkNetwork(ctx, out);
  checkSliceQos(ctx, out);
  return out.results;
}

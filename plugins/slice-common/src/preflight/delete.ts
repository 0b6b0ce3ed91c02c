import { LABEL_WORKER_CLUSTER } from '../kube/objects';
import type { FleetIndex } from './fleetIndex';
import type { Findings } from './findings';

/**
 * Deleting a slice (REFERENCE §2.3 "Delete is forbidden while", §10): the
 * webhook refuses while any member still lists or still carries onboarded
 * namespaces, and while ServiceExportConfigs of the slice exist.
 */
export function checkSliceDelete(
  name: string,
  fleet: FleetIndex,
  out: Findings,
): void {
  const listing: string[] = [];
  const deboarding: string[] = [];
  for (const w of fleet.workerSlicesOf(name)) {
    const cluster =
      w.metadata?.labels?.[LABEL_WORKER_CLUSTER] ?? w.metadata?.name ?? '?';
    if (w.spec?.namespaceIsolationProfile?.applicationNamespaces?.length)
      listing.push(cluster);
    else if (w.status?.onboardedAppNamespaces?.length) deboarding.push(cluster);
  }
  if (listing.length)
    out.error(
      'spec.namespaceIsolationProfile.applicationNamespaces',
      'delete.namespacesOnboarded',
      `The slice still has application namespaces on ${listing.join(
        ', ',
      )}; remove them from applicationNamespaces, wait until they are offboarded, then delete.`,
    );
  if (deboarding.length)
    out.error(
      'spec.namespaceIsolationProfile.applicationNamespaces',
      'delete.deboardingInProgress',
      `Namespaces are still being offboarded on ${deboarding.join(
        ', ',
      )}; try again once the workers report no onboarded namespaces.`,
    );
  const exports = fleet.exportsOf(name);
  if (exports.length)
    out.error(
      'metadata.name',
      'delete.serviceExportsExist',
      `Services are still exported on the slice (${exports
        .map(e => e.metadata?.name)
        .join(
          ', ',
        )}); delete their ServiceExports on the workers first, then delete the slice.`,
    );
}

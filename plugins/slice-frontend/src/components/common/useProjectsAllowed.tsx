import { useCallback, useEffect, useState } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  sliceResourceRef,
  type clusterRegisterPermission,
  type HubSummary,
} from '@slice-portal/plugin-slice-common';

/** A permission decided on a project (`hub/project`): create slices, register clusters. */
type ResourcePermission = typeof clusterRegisterPermission;

export interface AllowedProject {
  hub: string;
  project: string;
  /** undefined while the policy is deciding. */
  allowed?: boolean;
}

const key = (hub: string, project: string) => `${hub}/${project}`;

function Probe({
  permission,
  hub,
  project,
  onDecision,
}: {
  permission: ResourcePermission;
  hub: string;
  project: string;
  onDecision(key: string, allowed: boolean | undefined): void;
}) {
  const { loading, allowed } = usePermission({
    permission,
    resourceRef: sliceResourceRef({ hub, project }),
  });
  const k = key(hub, project);
  const value = loading ? undefined : allowed;
  useEffect(() => onDecision(k, value), [k, value, onDecision]);
  return null;
}

/**
 * Every project of the hubs with whether the policy allows `permission` on it (asked per
 * project through `usePermission`, so the answer is the backend's). Render `probes`.
 */
export function useProjectsAllowed(
  permission: ResourcePermission,
  hubs: readonly HubSummary[] | undefined,
) {
  const [decisions, setDecisions] = useState<
    Record<string, boolean | undefined>
  >({});
  const onDecision = useCallback(
    (k: string, allowed: boolean | undefined) =>
      setDecisions(d => (d[k] === allowed ? d : { ...d, [k]: allowed })),
    [],
  );
  const pairs = (hubs ?? []).flatMap(h =>
    h.projects.map(project => ({ hub: h.name, project })),
  );
  const projects: AllowedProject[] = pairs.map(p => ({
    ...p,
    allowed: decisions[key(p.hub, p.project)],
  }));
  const probes = pairs.map(p => (
    <Probe
      key={key(p.hub, p.project)}
      permission={permission}
      hub={p.hub}
      project={p.project}
      onDecision={onDecision}
    />
  ));
  return {
    projects,
    probes,
    loading: !hubs || projects.some(p => p.allowed === undefined),
    anyAllowed: projects.some(p => p.allowed),
  };
}

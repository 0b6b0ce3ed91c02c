import { useCallback, useEffect, useState } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  sliceCreatePermission,
  sliceResourceRef,
  type HubSummary,
} from '@slice-portal/plugin-slice-common';

export interface ProjectChoice {
  hub: string;
  project: string;
  /** undefined while the permission is being decided. */
  allowed?: boolean;
}

const key = (hub: string, project: string) => `${hub}/${project}`;

/** Decides `kubeslice.slice.create` on one project and reports it; renders nothing. */
function ProjectPermissionProbe({
  hub,
  project,
  onDecision,
}: {
  hub: string;
  project: string;
  onDecision(key: string, allowed: boolean | undefined): void;
}) {
  const { loading, allowed } = usePermission({
    permission: sliceCreatePermission,
    resourceRef: sliceResourceRef({ hub, project }),
  });
  const k = key(hub, project);
  const value = loading ? undefined : allowed;
  useEffect(() => onDecision(k, value), [k, value, onDecision]);
  return null;
}

/**
 * Every project of the hubs, with whether the user may create slices in it (decided per
 * project by the permission policy through `usePermission`, so a tenant is offered only
 * the projects their groups own). Render `probes` somewhere in the tree.
 */
export function useCreatableProjects(hubs: readonly HubSummary[] | undefined) {
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
  const projects: ProjectChoice[] = pairs.map(p => ({
    ...p,
    allowed: decisions[key(p.hub, p.project)],
  }));
  const probes = pairs.map(p => (
    <ProjectPermissionProbe
      key={key(p.hub, p.project)}
      hub={p.hub}
      project={p.project}
      onDecision={onDecision}
    />
  ));
  return {
    projects,
    probes,
    loading: projects.some(p => p.allowed === undefined),
    anyAllowed: projects.some(p => p.allowed),
  };
}

import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The KubeSlice entity provider (one per hub of `slice.hubs`). */
      kubeslice?: {
        /** How often to read the fleet; default every minute. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Owner of slices and clusters of projects without an owner in `slice.tenancy.projects`. */
        defaultOwner?: string;
      };
    };
  };
}

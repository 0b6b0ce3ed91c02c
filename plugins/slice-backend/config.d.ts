import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Slice Portal backend plugin. */
  slice?: {
    /** KubeSlice controller clusters (hubs) to read. */
    hubs: Array<{
      /** Unique name of the hub, used in URLs (`/slices/<hub>/<project>/<slice>`); lowercase letters, digits, '-'. */
      name: string;
      /** Display title; defaults to the name. */
      title?: string;
      /** API server URL of the hub. Required for `serviceAccount` auth; overrides a kubeconfig's server. */
      url?: string;
      /** How to authenticate to the hub. */
      auth:
        | {
            type: 'serviceAccount';
            /**
             * Bearer token of a service account on the hub.
             * @visibility secret
             */
            token: string;
          }
        | {
            type: 'kubeconfig';
            /** Path of a kubeconfig file. */
            path: string;
            /** Context to use; defaults to the file's current context. */
            context?: string;
          }
        | { type: 'inCluster' };
      /**
       * PEM CA bundle of the hub's API server, base64-encoded as in a kubeconfig.
       * @visibility secret
       */
      caData?: string;
      /** Path of a PEM CA file for the hub's API server. */
      caFile?: string;
      /**
       * Turn off TLS verification of the hub's API server. Default false; a warning is logged at
       * start when true. Prefer `caData` or `caFile`.
       */
      dangerouslySkipTLSVerify?: boolean;
      /** @deprecated Use `dangerouslySkipTLSVerify`; still read, with a warning at start. */
      skipTLSVerify?: boolean;
      /**
       * Allow plain `http:` URLs for this hub and its workers (hub and worker tokens then travel
       * unencrypted). Default false: only https; a warning is logged at start when true.
       */
      dangerouslyAllowHttp?: boolean;
      /** Only these KubeSlice projects are read; all when absent. */
      projects?: string[];
      /**
       * Credentials the portal writes to this hub with (slices, namespaces, clusters, QoS
       * profiles). Default: `auth`, the credentials it reads with. Set it to read with a
       * read-only token and write with one bound to KubeSlice's `kubeslice-read-write` role
       * (e.g. a project's `kubeslice-rbac-rw-<user>` token). The API server's answer to a
       * refused write (403) is passed on to the caller.
       */
      write?: {
        auth:
          | {
              type: 'serviceAccount';
              /**
               * Bearer token the writes are made with.
               * @visibility secret
               */
              token: string;
            }
          | {
              type: 'kubeconfig';
              /** Path of a kubeconfig file. */
              path: string;
              /** Context to use; defaults to the file's current context. */
              context?: string;
            }
          | { type: 'inCluster' };
      };
      /** How worker clusters are reached for tunnel status, exports and imports. */
      workers?: {
        /**
         * `dashboardSecret`: the `<cluster>-kubernetes-dashboard` Secrets the workers publish on the hub
         * (the hub credentials must be allowed to read them); `config`: the `clusters` below; `none` (default).
         */
        credentials?: 'dashboardSecret' | 'config' | 'none';
        /**
         * Hosts the worker tokens may be sent to. Worker URLs on the hub (the Cluster's
         * `kubernetesDashboard.endpoint`) are written by tenants, so each one, and each
         * `clusters[].url`, must match an entry: a hostname (`api.example.com`), a wildcard
         * (`*.example.com`, subdomains only), an IP address or a CIDR (`10.0.0.0/16`, `fd00::/8`).
         * Ports are not compared. Default: the hub's own host and the hosts of `clusters[].url`.
         */
        allowedHosts?: string[];
        clusters?: Array<{
          name: string;
          /** Needed only when two projects register a cluster with the same name. */
          project?: string;
          url: string;
          /**
           * Bearer token with read access on the worker.
           * @visibility secret
           */
          token: string;
          /**
           * PEM CA bundle of the worker's API server, base64-encoded.
           * @visibility secret
           */
          caData?: string;
          /** Turn off TLS verification of this worker. Default false; a warning is logged at start when true. */
          dangerouslySkipTLSVerify?: boolean;
          /** @deprecated Use `dangerouslySkipTLSVerify`; still read, with a warning at start. */
          skipTLSVerify?: boolean;
        }>;
        /**
         * Workers the portal may write to (a ServiceExport when a service is exported). The read
         * credentials above are never used to write; a worker not listed here gets the manifest
         * to apply instead.
         */
        write?: {
          clusters?: Array<{
            /** Cluster name, as registered on the hub. */
            name: string;
            /** Only for this project's cluster of that name; any project when absent. */
            project?: string;
            /** The worker's API server URL (https unless the hub sets dangerouslyAllowHttp). */
            url: string;
            /**
             * Bearer token allowed to create ServiceExports in application namespaces.
             * @visibility secret
             */
            token: string;
            /**
             * PEM CA bundle of the worker's API server, base64-encoded.
             * @visibility secret
             */
            caData?: string;
            /** Turn off TLS verification of this worker's writes. Default false. */
            dangerouslySkipTLSVerify?: boolean;
          }>;
        };
      };
    }>;
    /** How the hub and worker caches list, watch, time out and retry. Every key is optional. */
    watch?: {
      /** Longest a list, or the opening of a watch, may take. Default 30s. */
      requestTimeout?: string | HumanDuration;
      /**
       * A watch that delivers no event and no bookmark for this long is reopened and its source
       * reported degraded with the age of its data. Default 3m (bookmarks are requested).
       */
      silenceTimeout?: string | HumanDuration;
      /** How often worker connections are matched with the hub's Cluster objects. Default 15s. */
      reconcileInterval?: string | HumanDuration;
      /** Longest the read of one worker's credentials may take. Default 10s. */
      credentialTimeout?: string | HumanDuration;
      /** Retries after a failure: jittered exponential backoff from `initial` up to `max`. */
      backoff?: {
        /** Default 1s. */
        initial?: string | HumanDuration;
        /** Default 30s. */
        max?: string | HumanDuration;
      };
    };
    /** How writes retry and how long tracked operations may take. Every key is optional. */
    write?: {
      /**
       * Retries of a read-modify-write refused with 409 (another writer changed the object);
       * 0 to 100. Default 24 (25 attempts, jittered backoff from 10 ms up to 500 ms).
       */
      conflictRetries?: number;
      /** How long a tracked operation (onboarding, guided delete, ...) may run; 10s to 24h. Default 10m. */
      operationTimeout?: string | HumanDuration;
      /** Deadline of each call the write path makes to a hub or worker; 1s to 10m. Default 15s. */
      requestTimeout?: string | HumanDuration;
    };
    /** Who sees what, for permission policies (see the example backend's policy). */
    tenancy?: {
      /** Entity refs (groups or users) that see the whole fleet. */
      platformGroups?: string[];
      /** Project name → entity refs that own it (its tenants). */
      projects?: { [project: string]: string[] };
    };
    /** Tunnel latency history. */
    latency?: {
      /** Only `gatewayStatus` (samples of SliceGateway status in the plugin database) exists today. */
      source?: 'gatewayStatus';
      sampling?: {
        /** How often tunnel status is sampled; between 1s and 1h. Default 30s. */
        interval?: string | HumanDuration;
      };
      retention?: {
        /** How long raw samples are kept; at least 5m. Default 24h. */
        raw?: string | HumanDuration;
        /** How long 5-minute rollups are kept; at least `raw`. Default 30d. */
        rollup?: string | HumanDuration;
      };
      /** Bounds on what one latency request may read. */
      query?: {
        /** Most stored rows (raw samples plus rollups) one request may read; at least 1000. Default 1000000. */
        maxRows?: number;
      };
    };
  };
}

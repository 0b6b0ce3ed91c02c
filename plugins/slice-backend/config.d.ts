export interface Config {
  /** Configuration of the Slice Portal backend plugin. */
  slice?: {
    /** KubeSlice controller clusters (hubs) to read. */
    hubs: Array<{
      /** Unique name of the hub, used in URLs (`/slices/<hub>/<project>/<slice>`). */
      name: string;
      /** Display title; defaults to the name. */
      title?: string;
      /** API server URL of the hub. Required for `serviceAccount` auth. */
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
      /** Turn off TLS verification. Default false; a warning is logged at start when true. */
      skipTLSVerify?: boolean;
    }>;
  };
}

/**
 * Shared types, the pure fleet model and permissions of the Slice Portal plugins.
 *
 * @packageDocumentation
 */
export * from './kube/objects';
export * from './health/health';
export * from './fleet/types';
export * from './latency/types';
export * from './fleet/buildFleet';
export * from './fleet/clusterHealth';
export * from './fleet/sliceHealth';
export * from './fleet/staleness';
export * from './fleet/tunnels';
export * from './fleet/namespaces';
export * from './fleet/services';
export * from './fleet/events';
export * from './fleet/project';
export * from './permissions';
export * from './api';
export * from './fleet/componentHealth';
export * from './preflight';
export * from './wizard';
export * from './catalog/entityNames';
export * from './catalog/annotations';
export * from './diagnose/exportChecklist';
export * from './diagnose/failover';

/**
 * fleet-sim: a simulated KubeSlice fleet (a controller "hub" and worker
 * clusters) behind a Kubernetes-compatible API, for demos and tests.
 *
 * @packageDocumentation
 */

export { startFleetSim } from './sim/startFleetSim';
export type { FleetSim, FleetSimOptions } from './sim/startFleetSim';
export {
  loadScenario,
  validateScenario,
  bundledScenarioNames,
  ScenarioError,
} from './scenario/load';
export type {
  ScenarioSpec,
  HubSpec,
  ProjectSpec,
  ClusterSpec,
  SliceSpec,
  ServiceSpec,
  NamespaceBinding,
  QosProfileSpec,
  HealthStatus,
  OverlayMode,
} from './scenario/types';
export { buildFleet } from './scenario/build';
export type {
  BuildOptions,
  BuiltFleet,
  BuiltCluster,
  ClusterCredential,
} from './scenario/build';
export { greatCircleKm, baseLatencyMs } from './scenario/geo';
export type { KubeObject, ObjectMeta } from './api/types';
export type { FaultController } from './faults/FaultController';
export type { ApiFault, FaultSnapshot, LinkFault } from './faults/FaultState';

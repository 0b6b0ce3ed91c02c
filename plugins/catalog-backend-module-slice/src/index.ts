/**
 * KubeSlice slices and worker clusters as catalog entities.
 *
 * @packageDocumentation
 */
export { catalogModuleSlice as default } from './module';
export {
  SliceEntityProvider,
  type SliceEntityProviderOptions,
} from './SliceEntityProvider';
export { SliceRelationsProcessor } from './SliceRelationsProcessor';
export { fleetEntities, type FleetEntitiesOptions } from './entities';
export { projectOwners } from './owners';

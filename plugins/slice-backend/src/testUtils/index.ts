/**
 * Helpers for packages whose tests run against a real slice backend (the scaffolder and
 * catalog modules): the example app's permission decisions with three demo users, and
 * polling with a deadline. For tests only.
 *
 * @packageDocumentation
 */
export {
  ACME,
  ARCADE,
  PLATFORM,
  claimsOf,
  examplePolicyPermissions,
} from './examplePolicy';
export { eventually, READY_TIMEOUT_MS, START_TIMEOUT_MS } from './eventually';
export {
  startSliceTestBackend,
  type SliceTestBackend,
  type SliceTestBackendOptions,
} from './startSliceTestBackend';

import type { SliceActionsOptions } from './context';
import { registerDiagnosisReads } from './diagnosisReads';
import { registerSliceReads } from './sliceReads';
import { registerWriteActions } from './writeActions';

export type { SliceActionsOptions } from './context';

/**
 * The slice plugin's AI actions (for `@backstage/plugin-mcp-actions-backend` and any other
 * consumer of the actions registry): five that read, two that write and default to a dry run.
 * Each calls the slice API as the caller, so tenancy, permissions, preflight and audit are
 * exactly the portal's.
 */
export function registerSliceActions(options: SliceActionsOptions) {
  registerSliceReads(options);
  registerDiagnosisReads(options);
  registerWriteActions(options);
}

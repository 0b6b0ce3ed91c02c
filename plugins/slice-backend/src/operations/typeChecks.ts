/**
 * Compile-time checks that the operation types the tracker and the write routes use are
 * the JSON the API document (`operations.openapi.ts` in slice-common) describes: a line
 * stops compiling when a field is added, removed, retyped or made optional on one side.
 * Nothing here runs.
 */
import type { ApiSchema } from '@slice-portal/plugin-slice-common';
import type { Assert, SameJson } from '../http/sameJson';
import type {
  Operation,
  OperationState,
  OperationStep,
  OperationTarget,
} from './types';

export type OperationTypeChecks = [
  Assert<SameJson<Operation, ApiSchema<'Operation'>>>,
  Assert<SameJson<OperationStep, ApiSchema<'OperationStep'>>>,
  Assert<SameJson<OperationTarget, ApiSchema<'OperationTarget'>>>,
  Assert<SameJson<OperationState, ApiSchema<'Operation'>['state']>>,
];

/**
 * Compile-time checks that the audit types are the JSON the API document
 * (`audit.openapi.ts` in slice-common) describes. Nothing here runs.
 */
import type { ApiSchema } from '@slice-portal/plugin-slice-common';
import type { Assert, SameJson } from '../http/sameJson';
import type { AuditAction, AuditEntry, AuditResult } from './types';

export type AuditTypeChecks = [
  Assert<SameJson<AuditEntry, ApiSchema<'AuditEntry'>>>,
  Assert<SameJson<AuditAction, ApiSchema<'AuditAction'>>>,
  Assert<SameJson<AuditResult, ApiSchema<'AuditResult'>>>,
  Assert<SameJson<{ items: AuditEntry[] }, ApiSchema<'AuditList'>>>,
];

import { createContext, useContext, type ReactNode } from 'react';
import {
  findingsForField,
  type WizardStepFields,
} from '@slice-portal/plugin-slice-common';
import type { WriteResult } from '../../api/SliceApi';
import type { SliceWriteError } from '../../api/SliceWriteError';

/** One problem to show beside a field: a preflight finding or a field of a refusal. */
export interface WizardFinding {
  path: string;
  message: string;
  severity: 'error' | 'warning';
  code?: string;
}

/** The findings of a dry run or write: the refusal's fields (errors) and preflight's warnings. */
export function collectFindings(
  ...sources: (WriteResult | SliceWriteError | undefined)[]
): WizardFinding[] {
  const out: WizardFinding[] = [];
  for (const source of sources) {
    if (!source) continue;
    if ('preflight' in source) {
      out.push(...source.preflight);
    } else if (source.kind === 'invalid') {
      if (source.fields.length === 0)
        out.push({ path: '', message: source.message, severity: 'error' });
      for (const f of source.fields)
        out.push({
          path: f.path,
          message: f.message,
          severity: 'error',
          code: f.code,
        });
    }
  }
  return out;
}

const FindingsContext = createContext<WizardFinding[]>([]);

export function FindingsProvider({
  findings,
  children,
}: {
  findings: WizardFinding[];
  children: ReactNode;
}) {
  return (
    <FindingsContext.Provider value={findings}>
      {children}
    </FindingsContext.Provider>
  );
}

/**
 * Props for a MUI TextField (or FormHelperText) showing the findings about `path` beside it,
 * errors first, instead of its help text: `<TextField {...useFieldFindings('spec.sliceSubnet', help)} />`.
 */
export function useFieldFindings(path: string, help?: ReactNode) {
  const findings = findingsForField(useContext(FindingsContext), path);
  const errors = findings.filter(f => f.severity === 'error');
  const shown = errors.length ? errors : findings;
  return {
    error: errors.length > 0,
    helperText: shown.length
      ? shown.map(f => f.message).join(' ')
      : help ?? undefined,
    'data-field': path,
  };
}

export type { WizardStepFields };

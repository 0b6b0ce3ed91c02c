import { useCallback, useRef, useState } from 'react';
import type { WriteResult } from '../../api/SliceApi';
import { isSliceWriteError, SliceWriteError } from '../../api/SliceWriteError';
import { collectFindings } from './findings';

const asWriteError = (e: unknown) =>
  isSliceWriteError(e)
    ? e
    : new SliceWriteError({ status: 0, kind: 'unknown', message: String(e) });

/**
 * The review → apply cycle of a wizard: `review()` runs the dry run (answer, or a refusal with
 * its fields); `apply()` writes, and a 409 opens the conflict state, which `reloadAndReapply()`
 * resolves (reload what the form depends on, dry-run again, apply again when it passes). A
 * lost connection leaves the input and the last review as they were.
 */
export function useWizardWrite(options: {
  dryRun(): Promise<WriteResult>;
  apply(): Promise<WriteResult>;
  reload?(): Promise<void> | void;
}) {
  const opts = useRef(options);
  opts.current = options;
  const [checking, setChecking] = useState(false);
  const [review, setReview] = useState<WriteResult>();
  const [reviewError, setReviewError] = useState<SliceWriteError>();
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<WriteResult>();
  const [applyError, setApplyError] = useState<SliceWriteError>();
  const [conflict, setConflict] = useState<SliceWriteError>();

  const runReview = useCallback(async (): Promise<boolean> => {
    setChecking(true);
    setApplyError(undefined);
    try {
      const result = await opts.current.dryRun();
      setReview(result);
      setReviewError(undefined);
      return !result.preflight.some(f => f.severity === 'error');
    } catch (e) {
      setReview(undefined);
      setReviewError(asWriteError(e));
      return false;
    } finally {
      setChecking(false);
    }
  }, []);

  const apply = useCallback(async () => {
    setApplying(true);
    setApplyError(undefined);
    try {
      setApplied(await opts.current.apply());
    } catch (e) {
      const error = asWriteError(e);
      if (error.kind === 'conflict') setConflict(error);
      else setApplyError(error);
    } finally {
      setApplying(false);
    }
  }, []);

  const reloadAndReapply = useCallback(async () => {
    setConflict(undefined);
    await opts.current.reload?.();
    if (await runReview()) await apply();
  }, [runReview, apply]);

  const error = applyError ?? reviewError;
  return {
    checking,
    review,
    error,
    findings: collectFindings(review, reviewError, applyError),
    applying,
    applied,
    conflict,
    runReview,
    apply,
    reloadAndReapply,
    dismissConflict: () => setConflict(undefined),
  };
}

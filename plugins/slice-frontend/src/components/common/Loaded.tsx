import {
  EmptyState,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import Skeleton from '@material-ui/lab/Skeleton';
import type { ReactNode } from 'react';
import type { PolledState } from '../../hooks/usePolled';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { sliceTranslationRef } from '../../translation';

function statusOf(error: Error): number | undefined {
  return error instanceof ResponseError ? error.statusCode : undefined;
}

/** Grey blocks with the rough shape of what is loading. */
export function LoadingSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div data-testid="loading-skeleton" aria-busy="true">
      <Skeleton variant="rect" height={48} style={{ marginBottom: 12 }} />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} variant="text" height={28} />
      ))}
    </div>
  );
}

/** What to show when nothing could be loaded: 403 and 404 say what they mean. */
export function LoadError({ error, what }: { error: Error; what: string }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const status = statusOf(error);
  if (status === 404) {
    return (
      <EmptyState
        missing="data"
        title={t('common.loaded.notFoundTitle', { what })}
        description={t('common.loaded.notFoundDescription', {
          message: error.message,
        })}
      />
    );
  }
  if (status === 403) {
    return (
      <EmptyState
        missing="info"
        title={t('common.loaded.forbiddenTitle', { what })}
        description={t('common.loaded.forbiddenDescription', {
          message: error.message,
        })}
      />
    );
  }
  return <ResponseErrorPanel error={error} />;
}

/**
 * Renders a polled value: a skeleton while the first load runs, the error when nothing
 * loaded, and the value (with a warning that it is stale) after a failed refresh.
 */
export function Loaded<T>({
  state,
  what,
  rows,
  children,
}: {
  state: PolledState<T>;
  what: string;
  rows?: number;
  children: (value: T) => ReactNode;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const { value, error } = state;
  if (value === undefined) {
    if (error) return <LoadError error={error} what={what} />;
    return <LoadingSkeleton rows={rows} />;
  }
  return (
    <>
      {error && (
        <div style={{ marginBottom: 16 }}>
          <WarningPanel
            severity="warning"
            title={t('common.loaded.refreshFailed', { what })}
            message={error.message}
          />
        </div>
      )}
      {children(value)}
    </>
  );
}

import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import type { ApiSchema } from '@slice-portal/plugin-slice-common';
import { sliceTranslationRef } from '../../translation';
import { useSliceColors, type SliceColors } from '../../theme/sliceColors';
import { formatAge } from '../FleetPage/age';

/** One audit record, as the API sends it. */
export type AuditEntry = ApiSchema<'AuditEntry'>;

/** Translation keys of the actions (the keys cannot hold the action's dots). */
const ACTION_KEYS = {
  'slice.create': 'changes.actions.sliceCreate',
  'slice.update': 'changes.actions.sliceUpdate',
  'slice.delete': 'changes.actions.sliceDelete',
  'namespace.onboard': 'changes.actions.namespaceOnboard',
  'namespace.offboard': 'changes.actions.namespaceOffboard',
  'cluster.register': 'changes.actions.clusterRegister',
  'cluster.deregister': 'changes.actions.clusterDeregister',
  'service.export': 'changes.actions.serviceExport',
  'qos.upsert': 'changes.actions.qosUpsert',
} as const satisfies Record<AuditEntry['action'], string>;

export function resultColor(
  result: AuditEntry['result'],
  colors: SliceColors,
): { line: string; background: string } {
  switch (result) {
    case 'succeeded':
      return { line: colors.ok, background: colors.okBackground };
    case 'failed':
      return { line: colors.error, background: colors.errorBackground };
    default:
      return { line: colors.warning, background: colors.warningBackground };
  }
}

/** `user:default/alice` → `alice`; anything else as it is. */
export function actorName(actor: string): string {
  const match = /^[^:]+:(?:[^/]+\/)?(.+)$/.exec(actor);
  return match ? match[1] : actor;
}

function Entry({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  const { line, background } = resultColor(entry.result, colors);
  const { target } = entry;
  const object = target.cluster
    ? t('changes.object.cluster', { name: target.cluster })
    : t('changes.object.slice', { name: target.slice ?? '' });
  return (
    <li
      data-testid="change-entry"
      style={{
        display: 'flex',
        gap: 12,
        borderLeft: `3px solid ${line}`,
        padding: '6px 12px',
        marginLeft: 6,
      }}
    >
      <div style={{ minWidth: 110 }}>
        <Tooltip title={new Date(entry.at).toLocaleString()}>
          <time dateTime={entry.at}>
            <Typography variant="caption" color="textSecondary">
              {formatAge(entry.at, t)}
            </Typography>
          </time>
        </Tooltip>
      </div>
      <div style={{ minWidth: 0 }}>
        <Typography variant="body2" component="div">
          <strong>{t(ACTION_KEYS[entry.action])}</strong> · {object}{' '}
          <Chip
            size="small"
            label={t(`changes.results.${entry.result}`)}
            style={{ background, color: colors.text, marginLeft: 4 }}
          />
          {entry.dryRun && (
            <Chip
              size="small"
              variant="outlined"
              label={t('changes.dryRun')}
              style={{ marginLeft: 4 }}
            />
          )}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {t('changes.by')}{' '}
          <Tooltip title={entry.actor}>
            <span data-testid="change-actor">{actorName(entry.actor)}</span>
          </Tooltip>
          {entry.operationId &&
            ` · ${t('changes.operation', { id: entry.operationId })}`}
        </Typography>
        {entry.summary && (
          <Typography variant="body2" color="textSecondary">
            {entry.summary}
          </Typography>
        )}
        {entry.error && (
          <Typography
            variant="body2"
            style={{ color: colors.error, overflowWrap: 'anywhere' }}
          >
            {entry.error}
          </Typography>
        )}
      </div>
    </li>
  );
}

/** Audit records as a timeline, in the order given (the API's: newest first). */
export function ChangeTimeline({ entries }: { entries: AuditEntry[] }) {
  return (
    <ol
      data-testid="change-timeline"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {entries.map(e => (
        <Entry key={e.id} entry={e} />
      ))}
    </ol>
  );
}

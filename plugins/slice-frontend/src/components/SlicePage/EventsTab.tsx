import { EmptyState, InfoCard } from '@backstage/core-components';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type {
  SliceDetail,
  SliceEvent,
} from '@slice-portal/plugin-slice-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useMemo, useState } from 'react';
import type { EventQuery, SliceRef } from '../../api/SliceApi';
import { useEvents } from '../../hooks/useSliceData';
import { formatAge } from '../FleetPage/age';
import { Loaded } from '../common/Loaded';
import { SourceErrors } from '../common/SourceErrors';
import { sliceTranslationRef } from '../../translation';
import { useSliceColors } from '../../theme/sliceColors';

const ALL = '';
/** The event types the API filters on (from its document), or all. */
type TypeFilter = NonNullable<EventQuery['type']> | typeof ALL;

function Timeline({ events }: { events: SliceEvent[] }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  return (
    <ol
      data-testid="event-timeline"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {events.map((e, i) => {
        const warning = e.type === 'Warning';
        return (
          <li
            key={`${e.time}-${e.object}-${e.reason}-${i}`}
            style={{
              display: 'flex',
              gap: 12,
              borderLeft: `3px solid ${
                warning ? colors.warning : colors.focus
              }`,
              padding: '6px 12px',
              marginLeft: 6,
            }}
          >
            <div style={{ minWidth: 170 }}>
              <Typography variant="caption" color="textSecondary">
                {e.time
                  ? new Date(e.time).toLocaleString()
                  : t('events.noTime')}
              </Typography>
              <Typography variant="caption" component="div">
                {formatAge(e.time, t)}
              </Typography>
            </div>
            <div>
              <Typography variant="body2">
                <strong style={{ color: warning ? colors.warning : undefined }}>
                  {e.title ?? e.reason ?? e.type}
                </strong>
                {e.cluster ? ` · ${e.cluster}` : ''}
                {e.count > 1 ? ` · ×${e.count}` : ''}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {e.message}
              </Typography>
              {e.object && (
                <Typography variant="caption" color="textSecondary">
                  {e.object}
                </Typography>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The slice's events as a timeline, newest first, filterable by type, cluster and text. */
export function EventsTab({
  slice,
  sliceRef,
}: {
  slice: SliceDetail;
  sliceRef: SliceRef;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const [type, setType] = useState<TypeFilter>(ALL);
  const [cluster, setCluster] = useState<string>(ALL);
  const [text, setText] = useState('');
  const state = useEvents({
    hub: sliceRef.hub,
    project: sliceRef.project,
    slice: sliceRef.name,
    type: type || undefined,
    cluster: cluster || undefined,
  });
  const clusters = slice.members.map(m => m.cluster);

  const filter = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (events: SliceEvent[]) =>
      [...events]
        .filter(
          e =>
            !needle ||
            [e.title, e.reason, e.message, e.object, e.cluster]
              .join(' ')
              .toLowerCase()
              .includes(needle),
        )
        .sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''));
  }, [text]);

  return (
    <InfoCard title={t('events.title')}>
      <Grid container spacing={2} style={{ marginBottom: 8 }}>
        <Grid item>
          <FormControl style={{ minWidth: 140 }}>
            <InputLabel shrink id="event-type">
              {t('events.filters.type')}
            </InputLabel>
            <Select
              labelId="event-type"
              SelectDisplayProps={
                { 'data-testid': 'event-type-select' } as object
              }
              value={type}
              onChange={e => setType(e.target.value as TypeFilter)}
              displayEmpty
            >
              <MenuItem value={ALL}>{t('events.filters.all')}</MenuItem>
              <MenuItem value="Warning">{t('events.filters.warning')}</MenuItem>
              <MenuItem value="Normal">{t('events.filters.normal')}</MenuItem>
            </Select>
          </FormControl>
        </Grid>
        <Grid item>
          <FormControl style={{ minWidth: 160 }}>
            <InputLabel shrink id="event-cluster">
              {t('events.filters.cluster')}
            </InputLabel>
            <Select
              labelId="event-cluster"
              value={cluster}
              onChange={e => setCluster(String(e.target.value))}
              displayEmpty
            >
              <MenuItem value={ALL}>{t('events.filters.allClusters')}</MenuItem>
              {clusters.map(c => (
                <MenuItem key={c} value={c}>
                  {c}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </Grid>
        <Grid item>
          <TextField
            label={t('events.filters.search')}
            value={text}
            onChange={e => setText(e.target.value)}
            inputProps={{ 'aria-label': t('events.filters.searchAria') }}
          />
        </Grid>
      </Grid>
      <Loaded state={state} what={t('events.what')}>
        {({ items, errors }) => {
          const shown = filter(items);
          return (
            <>
              <SourceErrors errors={errors} />
              {shown.length === 0 ? (
                <EmptyState
                  missing="data"
                  title={t('events.empty.title')}
                  description={
                    items.length === 0
                      ? t('events.empty.none')
                      : t('events.empty.filtered')
                  }
                />
              ) : (
                <Timeline events={shown} />
              )}
            </>
          );
        }}
      </Loaded>
    </InfoCard>
  );
}

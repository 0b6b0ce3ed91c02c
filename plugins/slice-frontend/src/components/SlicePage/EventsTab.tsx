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
import { useMemo, useState } from 'react';
import type { EventQuery, SliceRef } from '../../api/SliceApi';
import { useEvents } from '../../hooks/useSliceData';
import { formatAge } from '../FleetPage/age';
import { Loaded } from '../common/Loaded';
import { SourceErrors } from '../common/SourceErrors';

const ALL = '';
/** The event types the API filters on (from its document), or all. */
type TypeFilter = NonNullable<EventQuery['type']> | typeof ALL;

function Timeline({ events }: { events: SliceEvent[] }) {
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
              borderLeft: `3px solid ${warning ? '#f57c00' : '#90caf9'}`,
              padding: '6px 12px',
              marginLeft: 6,
            }}
          >
            <div style={{ minWidth: 170 }}>
              <Typography variant="caption" color="textSecondary">
                {e.time ? new Date(e.time).toLocaleString() : 'no time'}
              </Typography>
              <Typography variant="caption" component="div">
                {formatAge(e.time)}
              </Typography>
            </div>
            <div>
              <Typography variant="body2">
                <strong style={{ color: warning ? '#e65100' : undefined }}>
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
    <InfoCard title="Events">
      <Grid container spacing={2} style={{ marginBottom: 8 }}>
        <Grid item>
          <FormControl style={{ minWidth: 140 }}>
            <InputLabel shrink id="event-type">
              Type
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
              <MenuItem value={ALL}>All</MenuItem>
              <MenuItem value="Warning">Warning</MenuItem>
              <MenuItem value="Normal">Normal</MenuItem>
            </Select>
          </FormControl>
        </Grid>
        <Grid item>
          <FormControl style={{ minWidth: 160 }}>
            <InputLabel shrink id="event-cluster">
              Cluster
            </InputLabel>
            <Select
              labelId="event-cluster"
              value={cluster}
              onChange={e => setCluster(String(e.target.value))}
              displayEmpty
            >
              <MenuItem value={ALL}>All clusters</MenuItem>
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
            label="Search"
            value={text}
            onChange={e => setText(e.target.value)}
            inputProps={{ 'aria-label': 'search events' }}
          />
        </Grid>
      </Grid>
      <Loaded state={state} what="events">
        {({ items, errors }) => {
          const shown = filter(items);
          return (
            <>
              <SourceErrors errors={errors} />
              {shown.length === 0 ? (
                <EmptyState
                  missing="data"
                  title="No events match"
                  description={
                    items.length === 0
                      ? 'The controller and workers have not recorded events for this slice recently; events expire after an hour on most clusters.'
                      : 'Clear the filters to see all events of the slice.'
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

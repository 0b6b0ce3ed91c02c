import Box from '@material-ui/core/Box';
import {
  EmptyState,
  InfoCard,
  Link,
  WarningPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  SliceDetail,
  SliceService,
} from '@slice-portal/plugin-slice-common';
import {
  SLICE_ANNOTATION,
  SLICE_SERVICE_ANNOTATION,
  parseServiceAnnotation,
} from '../../annotations';
import { useSliceLinks } from '../../routes';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { Loaded } from '../common/Loaded';
import { ServiceCard } from '../ServicesTab/ServicesTab';
import { ExportServiceButton } from '../ExportService/ExportServiceButton';
import { OnboardButton } from '../OnboardWizard/OnboardButton';
import { tunnelColor } from '../Topology/layout';
import { useSliceColors } from '../../theme/sliceColors';
import { failoverRows } from './failover';
import { useEntitySlices } from './useEntitySlices';

function LatencyBetween({
  service,
  slice,
}: {
  service: SliceService;
  slice: SliceDetail;
}) {
  const colors = useSliceColors();
  const holders = new Set(service.endpoints.map(e => e.cluster));
  const tunnels = slice.tunnels.filter(
    t => holders.has(t.a) || holders.has(t.b),
  );
  if (tunnels.length === 0) {
    return (
      <Typography variant="body2">
        No tunnels reach the clusters holding endpoints.
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="entity-latency">
      <TableHead>
        <TableRow>
          <TableCell>Tunnel</TableCell>
          <TableCell>State</TableCell>
          <TableCell align="right">Latency</TableCell>
          <TableCell align="right">Loss</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tunnels.map(t => (
          <TableRow key={`${t.a}|${t.b}`}>
            <TableCell>
              {t.a} ↔ {t.b}
            </TableCell>
            <TableCell style={{ color: tunnelColor(t.state, colors) }}>
              {t.state}
            </TableCell>
            <TableCell align="right">
              {t.latencyMs !== undefined ? `${t.latencyMs} ms` : '—'}
            </TableCell>
            <TableCell align="right">
              {t.packetLossPercent !== undefined
                ? `${t.packetLossPercent} %`
                : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Failover({
  service,
  slice,
}: {
  service: SliceService;
  slice: SliceDetail;
}) {
  const colors = useSliceColors();
  const rows = failoverRows(
    service,
    slice.members.map(m => m.cluster),
  );
  return (
    <Table size="small" data-testid="entity-failover">
      <TableHead>
        <TableRow>
          <TableCell>If this cluster goes down</TableCell>
          <TableCell>Endpoints left</TableCell>
          <TableCell>Served from</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(r => (
          <TableRow key={r.down} data-testid={`failover-${r.down}`}>
            <TableCell>{r.down}</TableCell>
            <TableCell>{r.endpoints}</TableCell>
            <TableCell
              style={{ color: r.available ? undefined : colors.error }}
            >
              {r.available
                ? r.remaining.join(', ')
                : 'nothing: the service is down on the whole slice'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Whether the slice asks for `namespace` on some member (the service must live in an onboarded one). */
function onSlice(slice: SliceDetail, namespace: string): boolean {
  return slice.namespaceStates.some(
    n => n.namespace === namespace && n.role === 'application' && n.requested,
  );
}

function SliceSection({
  slice,
  service,
}: {
  slice: SliceDetail;
  service?: { namespace: string; name: string };
}) {
  const links = useSliceLinks();
  const svc = service
    ? slice.services.find(
        s => s.name === service.name && s.namespace === service.namespace,
      )
    : undefined;
  return (
    <Grid container spacing={2} data-testid={`entity-slice-${slice.name}`}>
      <Grid item xs={12}>
        <InfoCard
          title={<Link to={links.slice(slice)}>Slice {slice.name}</Link>}
          subheader={`project ${slice.project} · hub ${
            slice.hub
          } · members ${slice.members.map(m => m.cluster).join(', ')}`}
        >
          <HealthStatus health={slice.health} />
          {service && !svc && (
            <Typography variant="body2" color="error">
              {service.namespace}/{service.name} is not exported on this slice.
              Create a ServiceExport for it in an onboarded namespace.
            </Typography>
          )}
          {!svc && (
            <Box display="flex" gridGap={8} mt={1}>
              {service && !onSlice(slice, service.namespace) && (
                <OnboardButton
                  slice={slice}
                  namespace={service.namespace}
                  variant="outlined"
                />
              )}
              <ExportServiceButton slice={slice} service={service} />
            </Box>
          )}
        </InfoCard>
      </Grid>
      {svc && (
        <>
          <Grid item xs={12} lg={6}>
            <ServiceCard service={svc} slice={slice} />
          </Grid>
          <Grid item xs={12} lg={6}>
            <InfoCard title="Latency between the clusters holding endpoints">
              <LatencyBetween service={svc} slice={slice} />
            </InfoCard>
            <div style={{ height: 16 }} />
            <InfoCard title="What remains if one cluster goes down">
              <Failover service={svc} slice={slice} />
            </InfoCard>
          </Grid>
        </>
      )}
    </Grid>
  );
}

/** The entity tab: the slices the entity is on, and its exported service on each. */
export function EntitySlicesContent() {
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const sliceValue = annotations[SLICE_ANNOTATION];
  const serviceValue = annotations[SLICE_SERVICE_ANNOTATION];
  const service = parseServiceAnnotation(serviceValue);
  const state = useEntitySlices({ slice: sliceValue, service: serviceValue });

  return (
    <Loaded state={state} what="slices of this entity">
      {({ slices, unmatched, failed }) => (
        <Grid container spacing={3}>
          {serviceValue && !service && (
            <Grid item xs={12}>
              <WarningPanel
                title={`${SLICE_SERVICE_ANNOTATION} is not <namespace>/<name>`}
                message={`Got '${serviceValue}'.`}
              />
            </Grid>
          )}
          {unmatched.length > 0 && (
            <Grid item xs={12}>
              <WarningPanel
                severity="info"
                title={`Not found or not visible to you: ${unmatched
                  .map(u =>
                    [u.hub, u.project, u.name].filter(Boolean).join('/'),
                  )
                  .join(', ')}`}
                message={`Check the ${SLICE_ANNOTATION} annotation, or ask the slice's project owners for access.`}
              />
            </Grid>
          )}
          {failed.map(f => (
            <Grid item xs={12} key={f.name}>
              <WarningPanel
                severity="error"
                title={`Slice ${f.name} could not be read`}
                message={f.message}
              />
            </Grid>
          ))}
          {slices.length === 0 && (
            <Grid item xs={12}>
              <EmptyState
                missing="data"
                title="Not on any slice you can see"
                description={`Name the slices in the ${SLICE_ANNOTATION} annotation, or export the service (${SLICE_SERVICE_ANNOTATION}: <namespace>/<name>) on a slice.`}
              />
            </Grid>
          )}
          {slices.map(slice => (
            <Grid
              item
              xs={12}
              key={`${slice.hub}/${slice.project}/${slice.name}`}
            >
              <SliceSection slice={slice} service={service} />
            </Grid>
          ))}
        </Grid>
      )}
    </Loaded>
  );
}

import Box from '@material-ui/core/Box';
import {
  EmptyState,
  InfoCard,
  Link,
  WarningPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
import { failoverRows } from '@slice-portal/plugin-slice-common';
import { useEntitySlices } from './useEntitySlices';
import { sliceTranslationRef } from '../../translation';

function LatencyBetween({
  service,
  slice,
}: {
  service: SliceService;
  slice: SliceDetail;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  const holders = new Set(service.endpoints.map(e => e.cluster));
  const tunnels = slice.tunnels.filter(
    x => holders.has(x.a) || holders.has(x.b),
  );
  const none = t('entitySlices.none');
  if (tunnels.length === 0) {
    return (
      <Typography variant="body2">{t('entitySlices.noTunnels')}</Typography>
    );
  }
  return (
    <Table size="small" data-testid="entity-latency">
      <TableHead>
        <TableRow>
          <TableCell>{t('entitySlices.latencyColumns.tunnel')}</TableCell>
          <TableCell>{t('entitySlices.latencyColumns.state')}</TableCell>
          <TableCell align="right">
            {t('entitySlices.latencyColumns.latency')}
          </TableCell>
          <TableCell align="right">
            {t('entitySlices.latencyColumns.loss')}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tunnels.map(x => (
          <TableRow key={`${x.a}|${x.b}`}>
            <TableCell>
              {t('entitySlices.tunnel', { a: x.a, b: x.b })}
            </TableCell>
            <TableCell style={{ color: tunnelColor(x.state, colors) }}>
              {t(`topology.states.${x.state}`)}
            </TableCell>
            <TableCell align="right">
              {x.latencyMs !== undefined
                ? t('entitySlices.ms', { value: String(x.latencyMs) })
                : none}
            </TableCell>
            <TableCell align="right">
              {x.packetLossPercent !== undefined
                ? t('entitySlices.percent', {
                    value: String(x.packetLossPercent),
                  })
                : none}
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
  const { t } = useTranslationRef(sliceTranslationRef);
  const colors = useSliceColors();
  const rows = failoverRows(
    service,
    slice.members.map(m => m.cluster),
  );
  return (
    <Table size="small" data-testid="entity-failover">
      <TableHead>
        <TableRow>
          <TableCell>{t('entitySlices.failoverColumns.down')}</TableCell>
          <TableCell>{t('entitySlices.failoverColumns.endpoints')}</TableCell>
          <TableCell>{t('entitySlices.failoverColumns.servedFrom')}</TableCell>
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
                : t('entitySlices.serviceDown')}
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
  const { t } = useTranslationRef(sliceTranslationRef);
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
          title={
            <Link to={links.slice(slice)}>
              {t('entitySlices.sliceTitle', { name: slice.name })}
            </Link>
          }
          subheader={t('entitySlices.sliceSubheader', {
            project: slice.project,
            hub: slice.hub,
            members: slice.members.map(m => m.cluster).join(', '),
          })}
        >
          <HealthStatus health={slice.health} />
          {service && !svc && (
            <Typography variant="body2" color="error">
              {t('entitySlices.notExported', {
                service: `${service.namespace}/${service.name}`,
              })}
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
            <InfoCard title={t('entitySlices.latencyTitle')}>
              <LatencyBetween service={svc} slice={slice} />
            </InfoCard>
            <div style={{ height: 16 }} />
            <InfoCard title={t('entitySlices.failoverTitle')}>
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
  const { t } = useTranslationRef(sliceTranslationRef);
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const sliceValue = annotations[SLICE_ANNOTATION];
  const serviceValue = annotations[SLICE_SERVICE_ANNOTATION];
  const service = parseServiceAnnotation(serviceValue);
  const state = useEntitySlices({ slice: sliceValue, service: serviceValue });

  return (
    <Loaded state={state} what={t('entitySlices.what')}>
      {({ slices, unmatched, failed }) => (
        <Grid container spacing={3}>
          {serviceValue && !service && (
            <Grid item xs={12}>
              <WarningPanel
                title={t('entitySlices.badService.title', {
                  annotation: SLICE_SERVICE_ANNOTATION,
                })}
                message={t('entitySlices.badService.message', {
                  value: serviceValue,
                })}
              />
            </Grid>
          )}
          {unmatched.length > 0 && (
            <Grid item xs={12}>
              <WarningPanel
                severity="info"
                title={t('entitySlices.unmatched.title', {
                  slices: unmatched
                    .map(u =>
                      [u.hub, u.project, u.name].filter(Boolean).join('/'),
                    )
                    .join(', '),
                })}
                message={t('entitySlices.unmatched.message', {
                  annotation: SLICE_ANNOTATION,
                })}
              />
            </Grid>
          )}
          {failed.map(f => (
            <Grid item xs={12} key={f.name}>
              <WarningPanel
                severity="error"
                title={t('entitySlices.failed', { name: f.name })}
                message={f.message}
              />
            </Grid>
          ))}
          {slices.length === 0 && (
            <Grid item xs={12}>
              <EmptyState
                missing="data"
                title={t('entitySlices.empty.title')}
                description={t('entitySlices.empty.description', {
                  annotation: SLICE_ANNOTATION,
                  serviceAnnotation: SLICE_SERVICE_ANNOTATION,
                })}
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

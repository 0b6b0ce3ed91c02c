import { EmptyState, InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
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
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import Box from '@material-ui/core/Box';
import { ExportChecklist } from './ExportChecklist';
import { ExportServiceButton } from '../ExportService/ExportServiceButton';
import { exportChecklist } from '@slice-portal/plugin-slice-common';
import { useSliceColors, type SliceColors } from '../../theme/sliceColors';
import { sliceTranslationRef } from '../../translation';

type SliceT = TranslationFunction<typeof sliceTranslationRef.T>;

function statusColor(status: string, colors: SliceColors): string {
  const s = status.toUpperCase();
  if (s === 'READY') return colors.okBackground;
  if (s === 'ERROR' || s === 'MISSING') return colors.errorBackground;
  return colors.warningBackground;
}

function StatusChip({ status }: { status: string }) {
  const colors = useSliceColors();
  return (
    <Chip
      size="small"
      label={status}
      style={{
        backgroundColor: statusColor(status, colors),
        color: colors.text,
      }}
    />
  );
}

function endpointsText(
  t: SliceT,
  exported: boolean,
  local: number,
  imp?: SliceService['imports'][number],
): string {
  if (exported) return t('services.localEndpoints', { n: String(local) });
  if (!imp) return t('services.none');
  return t('services.importedEndpoints', {
    n: String(imp.endpoints),
    clusters: imp.sourceClusters.join(', ') || t('services.none'),
  });
}

/** One exported service: where it is exported and imported, its endpoints and DNS, and the checklist. */
export function ServiceCard({
  service,
  slice,
}: {
  service: SliceService;
  slice: Pick<SliceDetail, 'members' | 'namespaceStates' | 'tunnels'>;
}) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const items = exportChecklist(service, {
    members: slice.members.map(m => m.cluster),
    namespaceStates: slice.namespaceStates,
    tunnels: slice.tunnels,
  });
  return (
    <InfoCard
      title={t('services.title', {
        name: service.name,
        namespace: service.namespace,
      })}
      subheader={t('services.exportedFrom', {
        clusters: service.exportedFrom.join(', ') || t('services.nowhere'),
      })}
    >
      <div data-testid={`service-${service.namespace}-${service.name}`}>
        <HealthStatus health={service.health} />
        <Typography variant="subtitle2" style={{ marginTop: 8 }}>
          {t('services.dnsNames')}
        </Typography>
        {[service.dnsName, ...service.aliases].map(name => (
          <Typography
            key={name}
            variant="body2"
            style={{ fontFamily: 'monospace' }}
          >
            {name}
          </Typography>
        ))}
        <Table size="small" style={{ marginTop: 8 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t('services.columns.cluster')}</TableCell>
              <TableCell>{t('services.columns.export')}</TableCell>
              <TableCell>{t('services.columns.import')}</TableCell>
              <TableCell align="right">
                {t('services.columns.endpoints')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {slice.members.map(({ cluster }) => {
              const exp = service.exports.find(e => e.cluster === cluster);
              const imp = service.imports.find(i => i.cluster === cluster);
              const local = service.endpoints.filter(
                e => e.cluster === cluster,
              );
              return (
                <TableRow key={cluster}>
                  <TableCell>{cluster}</TableCell>
                  <TableCell>
                    {exp ? (
                      <StatusChip status={exp.status} />
                    ) : (
                      t('services.none')
                    )}
                  </TableCell>
                  <TableCell>
                    {imp ? (
                      <StatusChip status={imp.status} />
                    ) : (
                      t('services.none')
                    )}
                  </TableCell>
                  <TableCell align="right">
                    {endpointsText(t, exp !== undefined, local.length, imp)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <Typography variant="subtitle2" style={{ marginTop: 12 }}>
          {t('services.why')}
        </Typography>
        <ExportChecklist items={items} />
      </div>
    </InfoCard>
  );
}

/** Exports and imports of the slice, one card per service. */
export function ServicesTab({ slice }: { slice: SliceDetail }) {
  const { t } = useTranslationRef(sliceTranslationRef);
  const exportButton = (
    <Box display="flex" justifyContent="flex-end" mb={2}>
      <ExportServiceButton slice={slice} />
    </Box>
  );
  if (slice.services.length === 0) {
    return (
      <>
        {exportButton}
        <EmptyState
          missing="content"
          title={t('services.empty.title')}
          description={t('services.empty.description')}
        />
      </>
    );
  }
  return (
    <>
      {exportButton}
      <Grid container spacing={3}>
        {slice.services.map(service => (
          <Grid
            item
            xs={12}
            lg={6}
            key={`${service.namespace}/${service.name}`}
          >
            <ServiceCard service={service} slice={slice} />
          </Grid>
        ))}
      </Grid>
    </>
  );
}

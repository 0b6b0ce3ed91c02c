import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  SLICE_ANNOTATION,
  SLICE_SERVICE_ANNOTATION,
  parseServiceAnnotation,
} from '../../annotations';
import { useSliceLinks } from '../../routes';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { Loaded } from '../common/Loaded';
import { useEntitySlices } from './useEntitySlices';
import { sliceTranslationRef } from '../../translation';

/** Overview card: each slice of the entity with its health and where the service is served from. */
export function EntitySlicesCard() {
  const { t } = useTranslationRef(sliceTranslationRef);
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const serviceValue = annotations[SLICE_SERVICE_ANNOTATION];
  const service = parseServiceAnnotation(serviceValue);
  const links = useSliceLinks();
  const state = useEntitySlices({
    slice: annotations[SLICE_ANNOTATION],
    service: serviceValue,
  });
  return (
    <InfoCard title={t('entitySlices.cardTitle')}>
      <Loaded state={state} what={t('entitySlices.what')} rows={2}>
        {({ slices }) =>
          slices.length === 0 ? (
            <Typography variant="body2">
              {t('entitySlices.notOnAny')}
            </Typography>
          ) : (
            <div data-testid="entity-slices-card">
              {slices.map(slice => {
                const svc = service
                  ? slice.services.find(
                      s =>
                        s.name === service.name &&
                        s.namespace === service.namespace,
                    )
                  : undefined;
                const holders = svc
                  ? [...new Set(svc.endpoints.map(e => e.cluster))]
                  : [];
                return (
                  <div key={slice.name} style={{ marginBottom: 12 }}>
                    <Typography variant="subtitle1">
                      <Link
                        to={links.slice(slice, svc ? 'services' : undefined)}
                      >
                        {slice.name}
                      </Link>{' '}
                      <Typography variant="caption" color="textSecondary">
                        {t('entitySlices.cardMeta', {
                          members: String(slice.members.length),
                          project: slice.project,
                        })}
                      </Typography>
                    </Typography>
                    <HealthStatus health={svc?.health ?? slice.health} />
                    {svc && (
                      <Typography variant="body2">
                        <code>{svc.dnsName}</code> ·{' '}
                        {t('entitySlices.cardEndpoints', {
                          clusters:
                            holders.join(', ') || t('entitySlices.noCluster'),
                        })}
                      </Typography>
                    )}
                  </div>
                );
              })}
            </div>
          )
        }
      </Loaded>
    </InfoCard>
  );
}

import {
  Content,
  Header,
  HeaderLabel,
  Link,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import type { SliceRef } from '../../api/SliceApi';
import { useSlice } from '../../hooks/useSliceData';
import { useSliceLinks } from '../../routes';
import { HealthStatus } from '../HealthStatus/HealthStatus';
import { Loaded } from '../common/Loaded';
import { SourceErrors } from '../common/SourceErrors';
import { StaleBadge } from '../common/StaleBadge';
import { EventsTab } from './EventsTab';
import { LatencyTab } from './LatencyTab';
import { NamespacesTab } from './NamespacesTab';
import { OverviewTab } from './OverviewTab';
import { ServicesTab } from './ServicesTab';
import { TopologyTab } from './TopologyTab';
import { YamlTab } from './YamlTab';
import { ChangesTab } from './ChangesTab';
import { SliceActions } from '../DeleteSlice/SliceActions';
import { sliceTranslationRef } from '../../translation';

/** `/slices/:hub/:project/:name`: one slice, in tabs. */
export function SlicePage() {
  const params = useParams();
  const ref: SliceRef = {
    hub: params.hub ?? '',
    project: params.project ?? '',
    name: params.name ?? '',
  };
  const { t } = useTranslationRef(sliceTranslationRef);
  // The header's text colour (the theme's): the default text colour is grey on its background.
  const theme = useTheme();
  const onHeader =
    (theme as { page?: { fontColor?: string } }).page?.fontColor ??
    theme.palette.common.white;
  const links = useSliceLinks();
  const state = useSlice(ref);
  const slice = state.value;

  return (
    <Page themeId="tool">
      <Header
        title={ref.name}
        subtitle={
          // The Header styles only a string subtitle; this one has a link, so it takes the
          // header's text colour itself (the default text colour is black on the header).
          <Typography
            variant="subtitle2"
            component="span"
            style={{ color: onHeader, opacity: 0.8 }}
          >
            <Link to={links.fleet()} style={{ color: 'inherit' }}>
              {t('slicePage.breadcrumbFleet')}
            </Link>{' '}
            / {t('slicePage.subtitle', { project: ref.project, hub: ref.hub })}
          </Typography>
        }
        type={t('slicePage.type')}
      >
        {slice && (
          <HeaderLabel
            label={t('slicePage.labels.health')}
            value={
              <HealthStatus
                health={slice.health}
                showReasons={false}
                color={onHeader}
              />
            }
          />
        )}
        {slice && (
          <HeaderLabel
            label={t('slicePage.labels.members')}
            value={String(slice.members.length)}
          />
        )}
        {slice && (
          <HeaderLabel label={t('slicePage.labels.mode')} value={slice.mode} />
        )}
        {slice && <SliceActions slice={slice} />}
        {state.loadedAt !== undefined && (
          <HeaderLabel
            label={t('slicePage.labels.data')}
            value={
              <StaleBadge
                loadedAt={state.loadedAt}
                error={state.error}
                color={onHeader}
              />
            }
          />
        )}
      </Header>
      <Content>
        <Loaded state={state} what={t('slicePage.what')} rows={8}>
          {detail => (
            <>
              <SourceErrors errors={detail.errors} />
              <TabbedLayout>
                <TabbedLayout.Route
                  path="/"
                  title={t('slicePage.tabs.overview')}
                >
                  <OverviewTab slice={detail} />
                </TabbedLayout.Route>
                <TabbedLayout.Route
                  path="/topology"
                  title={t('slicePage.tabs.topology')}
                >
                  <TopologyTab slice={detail} sliceRef={ref} />
                </TabbedLayout.Route>
                <TabbedLayout.Route
                  path="/latency"
                  title={t('slicePage.tabs.latency')}
                >
                  <LatencyTab slice={detail} sliceRef={ref} />
                </TabbedLayout.Route>
                <TabbedLayout.Route
                  path="/namespaces"
                  title={t('slicePage.tabs.namespaces')}
                >
                  <NamespacesTab slice={detail} />
                </TabbedLayout.Route>
                <TabbedLayout.Route
                  path="/services"
                  title={t('slicePage.tabs.services')}
                >
                  <ServicesTab slice={detail} />
                </TabbedLayout.Route>
                <TabbedLayout.Route
                  path="/events"
                  title={t('slicePage.tabs.events')}
                >
                  <EventsTab slice={detail} sliceRef={ref} />
                </TabbedLayout.Route>
                <TabbedLayout.Route
                  path="/changes"
                  title={t('slicePage.tabs.changes')}
                >
                  <ChangesTab sliceRef={ref} />
                </TabbedLayout.Route>
                <TabbedLayout.Route
                  path="/yaml"
                  title={t('slicePage.tabs.yaml')}
                >
                  <YamlTab slice={detail} />
                </TabbedLayout.Route>
              </TabbedLayout>
            </>
          )}
        </Loaded>
      </Content>
    </Page>
  );
}

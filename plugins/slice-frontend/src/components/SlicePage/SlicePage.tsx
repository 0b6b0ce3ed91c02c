import {
  Content,
  Header,
  HeaderLabel,
  Link,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
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

/** `/slices/:hub/:project/:name`: one slice, in tabs. */
export function SlicePage() {
  const params = useParams();
  const ref: SliceRef = {
    hub: params.hub ?? '',
    project: params.project ?? '',
    name: params.name ?? '',
  };
  const links = useSliceLinks();
  const state = useSlice(ref);
  const slice = state.value;

  return (
    <Page themeId="tool">
      <Header
        title={ref.name}
        subtitle={
          <>
            <Link to={links.fleet()} style={{ color: 'inherit' }}>
              Slices
            </Link>{' '}
            / project {ref.project} on hub {ref.hub}
          </>
        }
        type="Slice"
      >
        {slice && (
          <HeaderLabel
            label="Health"
            value={<HealthStatus health={slice.health} showReasons={false} />}
          />
        )}
        {slice && (
          <HeaderLabel label="Members" value={String(slice.members.length)} />
        )}
        {slice && <HeaderLabel label="Mode" value={slice.mode} />}
        {state.loadedAt !== undefined && (
          <HeaderLabel
            label="Data"
            value={<StaleBadge loadedAt={state.loadedAt} error={state.error} />}
          />
        )}
      </Header>
      <Content>
        <Loaded state={state} what="slice" rows={8}>
          {detail => (
            <>
              <SourceErrors errors={detail.errors} />
              <TabbedLayout>
                <TabbedLayout.Route path="/" title="Overview">
                  <OverviewTab slice={detail} />
                </TabbedLayout.Route>
                <TabbedLayout.Route path="/topology" title="Topology">
                  <TopologyTab slice={detail} sliceRef={ref} />
                </TabbedLayout.Route>
                <TabbedLayout.Route path="/latency" title="Latency">
                  <LatencyTab slice={detail} sliceRef={ref} />
                </TabbedLayout.Route>
                <TabbedLayout.Route path="/namespaces" title="Namespaces">
                  <NamespacesTab slice={detail} />
                </TabbedLayout.Route>
                <TabbedLayout.Route path="/services" title="Services">
                  <ServicesTab slice={detail} />
                </TabbedLayout.Route>
                <TabbedLayout.Route path="/events" title="Events">
                  <EventsTab slice={detail} sliceRef={ref} />
                </TabbedLayout.Route>
                <TabbedLayout.Route path="/yaml" title="YAML">
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

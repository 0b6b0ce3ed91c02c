import {
  renderInTestApp,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { FleetResponse } from '@slice-portal/plugin-slice-common';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { sliceTranslationRef } from '../../translation';
import { FleetPage } from './FleetPage';

const tenSecondsAgo = new Date(Date.now() - 10_000).toISOString();

const fleet: FleetResponse = {
  generatedAt: tenSecondsAgo,
  hubs: [
    {
      name: 'demo',
      title: 'Demo fleet',
      sync: { state: 'ok', lastSyncAt: tenSecondsAgo },
      projects: ['acme'],
      clusterCount: 1,
      sliceCount: 0,
    },
  ],
  clusters: [
    {
      hub: 'demo',
      project: 'acme',
      name: 'aws-east',
      geo: { cloudProvider: 'aws', cloudRegion: 'us-east-1' },
      registrationStatus: 'Registered',
      networkPresent: true,
      nodeIPs: [],
      cniSubnets: [],
      slices: [],
      health: { state: 'warning', reasons: ['forwarder'] },
    },
  ],
  slices: [],
  counts: {
    clusters: { ok: 0, warning: 1, error: 0, unknown: 0 },
    slices: { ok: 0, warning: 0, error: 0, unknown: 0 },
  },
  errors: [],
};

/** What a portal ships to localise the plugin: messages for sliceTranslationRef in an app module. */
const germanPortal = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'slice-de',
      params: {
        resource: createTranslationMessages({
          ref: sliceTranslationRef,
          messages: {
            'fleetPage.title': 'Slices im Überblick',
            'fleetPage.columns.registration': 'Registrierung',
            'fleetPage.hub.inSync': 'Synchron',
            'fleetPage.hub.lastSynced': 'Zuletzt synchronisiert {{age}}',
            'fleetPage.summary.clusters': '{{total}} Cluster',
            'common.age.seconds': 'vor {{n}} s',
            'health.warning': 'Warnung',
            'fleetViews.map.aria':
              'Karte mit {{clusters}} Clustern und {{tunnels}} Tunneln',
          },
        }),
      },
    }),
  ],
});

describe('FleetPage localisation', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("shows the portal's translations, with values interpolated, instead of the English defaults", async () => {
    server.use(
      http.get('*/api/slice/v1/fleet', () => HttpResponse.json(fleet)),
      http.get('*/api/slice/v1/tunnels', () =>
        HttpResponse.json({ items: [], errors: [] }),
      ),
    );
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin, germanPortal],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });

    expect(await screen.findByText('Demo fleet')).toBeInTheDocument();
    expect(screen.getByText('Slices im Überblick')).toBeInTheDocument();
    expect(screen.queryByText('Slices', { selector: 'h1' })).toBeNull();
    const hub = screen.getByTestId('hub-demo');
    expect(hub).toHaveTextContent('Synchron');
    expect(hub).toHaveTextContent(/Zuletzt synchronisiert vor 1\d s/);
    expect(hub).not.toHaveTextContent('Last synced');
    // Untranslated: the English default, each count in its plural form.
    expect(hub).toHaveTextContent('1 project (acme) · 1 cluster · 0 slices');
    expect(screen.getByTestId('summary-clusters')).toHaveTextContent(
      '1 Cluster',
    );
    expect(screen.getByTestId('summary-clusters')).toHaveTextContent(
      '1 Warnung',
    );
    expect(
      screen.getByRole('columnheader', { name: /Registrierung/ }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('fleet-map')).toHaveAttribute(
      'aria-label',
      'Karte mit 0 Clustern und 0 Tunneln',
    );
    // A message the portal does not translate keeps its English default.
    expect(
      screen.getByRole('columnheader', { name: /Location/ }),
    ).toBeInTheDocument();
  });
});

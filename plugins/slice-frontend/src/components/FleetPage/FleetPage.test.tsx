import {
  renderInTestApp,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { FleetResponse } from '@slice-portal/plugin-slice-common';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { FleetPage } from './FleetPage';
import { getControl } from '../../__testUtils__/controls';

const now = new Date().toISOString();

const fleet: FleetResponse = {
  generatedAt: now,
  hubs: [
    {
      name: 'demo',
      title: 'Demo fleet',
      sync: { state: 'ok', lastSyncAt: now },
      projects: ['acme', 'arcade'],
      clusterCount: 2,
      sliceCount: 1,
    },
  ],
  clusters: [
    {
      hub: 'demo',
      project: 'arcade',
      name: 'aws-east',
      geo: {
        cloudProvider: 'aws',
        cloudRegion: 'us-east-1',
        latitude: 38.95,
        longitude: -77.45,
      },
      registrationStatus: 'Registered',
      networkPresent: true,
      nodeIPs: [],
      cniSubnets: [],
      slices: ['pacman'],
      health: { state: 'ok', reasons: [] },
    },
    {
      hub: 'demo',
      project: 'arcade',
      name: 'edge-nyc',
      geo: { cloudProvider: 'onprem', cloudRegion: 'nyc-edge' },
      registrationStatus: 'Registered',
      networkPresent: true,
      nodeIPs: [],
      cniSubnets: [],
      slices: ['pacman'],
      health: {
        state: 'warning',
        reasons: ['cluster health Warning: forwarder'],
      },
    },
  ],
  slices: [
    {
      hub: 'demo',
      project: 'arcade',
      name: 'pacman',
      mode: 'single-network',
      subnet: '10.1.0.0/16',
      isolationEnabled: false,
      namespaces: ['pacman', 'mongodb'],
      members: [
        {
          cluster: 'aws-east',
          onboardedNamespaces: ['pacman'],
          health: { state: 'ok', reasons: [] },
        },
        {
          cluster: 'edge-nyc',
          onboardedNamespaces: ['pacman'],
          health: {
            state: 'warning',
            reasons: ['cluster health Warning: forwarder'],
          },
        },
      ],
      health: {
        state: 'warning',
        reasons: ['cluster health Warning: forwarder'],
      },
    },
  ],
  counts: {
    clusters: { ok: 1, warning: 1, error: 0, unknown: 0 },
    slices: { ok: 0, warning: 1, error: 0, unknown: 0 },
  },
  errors: [],
};

describe('FleetPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const requests: string[] = [];
  beforeEach(() => {
    requests.length = 0;
  });

  function serve(response: () => Response | Promise<Response>) {
    server.use(
      http.get('*/api/slice/v1/*', ({ request }) => {
        requests.push(new URL(request.url).pathname);
        return undefined;
      }),
      http.get('*/api/slice/v1/fleet', response),
      http.get('*/api/slice/v1/tunnels', () =>
        HttpResponse.json({
          items: [
            {
              hub: 'demo',
              project: 'arcade',
              slice: 'pacman',
              a: 'aws-east',
              b: 'edge-nyc',
              state: 'DOWN',
            },
          ],
          errors: [],
        }),
      ),
    );
  }

  it('shows hubs, the health summary, slices and clusters with reasons', async () => {
    serve(() => HttpResponse.json(fleet));
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });

    expect(await screen.findByText('Demo fleet')).toBeInTheDocument();
    expect(screen.getByTestId('hub-demo')).toHaveTextContent('In sync');
    expect(screen.getByTestId('hub-demo')).toHaveTextContent(
      '2 projects (acme, arcade)',
    );
    expect(screen.getByTestId('summary-clusters')).toHaveTextContent(
      '2 clusters',
    );
    expect(screen.getByTestId('summary-clusters')).toHaveTextContent(
      '1 Warning',
    );
    expect(screen.getByText('Slices (1)')).toBeInTheDocument();
    expect(screen.getByText('Clusters (2)')).toBeInTheDocument();
    expect(
      screen.getAllByText('cluster health Warning: forwarder').length,
    ).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('aws · us-east-1')).toBeInTheDocument();
    expect(screen.getByText('pacman, mongodb')).toBeInTheDocument();
    expect(getControl('pacman', 'a')).toHaveAttribute(
      'href',
      '/slices/demo/arcade/pacman',
    );
  });

  it('draws located clusters and their tunnels on the map, and filters slices by a clicked cluster', async () => {
    const located = {
      ...fleet,
      clusters: [
        fleet.clusters[0],
        {
          ...fleet.clusters[1],
          geo: { ...fleet.clusters[1].geo, latitude: 40.7, longitude: -74 },
        },
      ],
    };
    serve(() => HttpResponse.json(located));
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });
    const map = await screen.findByTestId('fleet-map');
    expect(within(map).getByTestId('map-cluster-aws-east')).toBeInTheDocument();
    expect(
      await within(map).findByTestId('map-tunnel-pacman-aws-east|edge-nyc'),
    ).toHaveAttribute('data-state', 'DOWN');
    // One request for every slice's tunnels, no slice detail per slice.
    expect(requests.filter(r => r.endsWith('/tunnels'))).toHaveLength(1);
    expect(requests.some(r => r.includes('/slices/'))).toBe(false);

    fireEvent.click(within(map).getByTestId('map-cluster-edge-nyc'));
    expect(await screen.findByTestId('cluster-filter')).toHaveTextContent(
      'Slices on edge-nyc',
    );
    expect(screen.getByText('Slices (1)')).toBeInTheDocument();
  });

  it('names the clusters it cannot place on the map', async () => {
    serve(() => HttpResponse.json(fleet));
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });
    expect(
      await screen.findByText(/Not on the map .*: edge-nyc/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('fleet-map')).toHaveAttribute(
      'aria-label',
      'Map of 1 clusters and 0 tunnels',
    );
  });

  it('shows sources that failed beside the data that loaded', async () => {
    serve(() =>
      HttpResponse.json({
        ...fleet,
        errors: [
          {
            source: 'hub/demo/clusters',
            state: 'unreachable',
            message: 'HTTP 503: hub is down',
          },
        ],
      }),
    );
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });

    expect(
      await screen.findByText('Error: hub/demo/clusters is unreachable'),
    ).toBeInTheDocument();
    expect(screen.getByText('Slices (1)')).toBeInTheDocument();
  });

  it('shows the backend error when the fleet cannot be loaded', async () => {
    serve(() =>
      HttpResponse.json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'You are not allowed to read the slice fleet',
          },
        },
        { status: 403 },
      ),
    );
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });

    expect(
      await screen.findByText(/not allowed to read the slice fleet/),
    ).toBeInTheDocument();
  });

  it('explains what to do when no hub is configured', async () => {
    serve(() =>
      HttpResponse.json({ ...fleet, hubs: [], clusters: [], slices: [] }),
    );
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });

    expect(
      await screen.findByText('No KubeSlice hubs configured'),
    ).toBeInTheDocument();
  });

  it('shows the page in grey skeletons, not a spinner, until the fleet arrives', async () => {
    // The answer waits for the test, not for a clock.
    let answer = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    serve(async () => {
      await answered;
      return HttpResponse.json(fleet);
    });
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });
    expect(await screen.findByTestId('fleet-skeleton')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    answer();
    expect(await screen.findByText('Demo fleet')).toBeInTheDocument();
    expect(screen.queryByTestId('fleet-skeleton')).not.toBeInTheDocument();
    expect(screen.getByTestId('fresh-badge')).toHaveTextContent('Updated');
  });

  it('keeps the data after a failed refresh, with a stale badge giving its age', async () => {
    let fail = false;
    serve(() =>
      fail
        ? HttpResponse.json(
            { error: { name: 'Error', message: 'backend restarting' } },
            { status: 503 },
          )
        : HttpResponse.json(fleet),
    );
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });
    expect(await screen.findByText('Demo fleet')).toBeInTheDocument();
    expect(screen.queryByTestId('stale-badge')).not.toBeInTheDocument();

    fail = true;
    fireEvent.click(getControl('Refresh'));
    const badge = await screen.findByTestId('stale-badge');
    expect(badge).toHaveTextContent(/^Stale · data from \d+ s ago$/);
    expect(
      screen.getByText(/Could not refresh; showing data from/),
    ).toBeInTheDocument();
    // The data that loaded is still there.
    expect(screen.getByText('Slices (1)')).toBeInTheDocument();

    fail = false;
    fireEvent.click(getControl('Refresh'));
    await waitFor(() =>
      expect(screen.queryByTestId('stale-badge')).not.toBeInTheDocument(),
    );
  });

  it('says what to do when the caller can see no slice and no cluster', async () => {
    serve(() =>
      HttpResponse.json({
        ...fleet,
        clusters: [],
        slices: [],
        counts: {
          clusters: { ok: 0, warning: 0, error: 0, unknown: 0 },
          slices: { ok: 0, warning: 0, error: 0, unknown: 0 },
        },
      }),
    );
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });
    expect(
      await screen.findByText('No slices you can see'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Create a SliceConfig in a project namespace/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/ask a platform engineer to give your group a project/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No clusters you can see\. Register a worker cluster/),
    ).toBeInTheDocument();
  });
});

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { sliceDetail } from '../../__testUtils__/fixtures';
import { errorBody, setupSliceServer } from '../../__testUtils__/server';
import { SlicePage } from './SlicePage';
import { getControl } from '../../__testUtils__/controls';

function renderAt(
  tab = '',
  { permission = mockApis.permission(), slice = 'pacman' } = {},
) {
  return renderInTestApp(<SlicePage />, {
    features: [slicePlugin],
    apis: [permission],
    mountPath: '/slices/:hub/:project/:name/*',
    initialRouteEntries: [`/slices/demo/arcade/${slice}${tab}`],
    mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
  });
}

describe('SlicePage', () => {
  const { server, defaults } = setupSliceServer();
  beforeEach(() => defaults());

  it('shows a skeleton while the slice loads', async () => {
    server.use(
      http.get('*/api/slice/v1/slices/demo/arcade/pacman', async () => {
        await new Promise(() => {});
        return HttpResponse.json({});
      }),
    );
    await renderAt();
    expect(await screen.findByTestId('loading-skeleton')).toBeInTheDocument();
  });

  it('overview: health with reasons, counts, network, QoS and members', async () => {
    await renderAt();
    const health = await screen.findByTestId('slice-health');
    expect(health).toHaveTextContent('tunnel aws-east ↔ edge-nyc DEGRADED');
    expect(screen.getByTestId('slice-counts')).toHaveTextContent('2/3');
    expect(screen.getByTestId('slice-counts')).toHaveTextContent('4/6');
    expect(screen.getByText('gold')).toBeInTheDocument();
    expect(screen.getByText('20 Mbit/s')).toBeInTheDocument();
    expect(screen.getByText('Members (3)')).toBeInTheDocument();
    expect(screen.getByText('10.1.3.0/24')).toBeInTheDocument();
    expect(screen.getByText(/enabled: only slice/)).toBeInTheDocument();
  });

  it("header: the health label, the subtitle and the Updated chip in the header's text colour (light theme), not the default", async () => {
    await renderAt();
    await screen.findByTestId('slice-health');
    const header = document.querySelector('header') as HTMLElement;
    const label = within(header).getByText('Warning');
    expect(label).toHaveStyle({ color: '#FFFFFF' });
    const subtitle = within(header).getByText(/project arcade/);
    expect(subtitle).toHaveStyle({ color: '#FFFFFF' });
    expect(within(header).getByTestId('fresh-badge')).toHaveStyle({
      color: '#FFFFFF',
      borderColor: '#FFFFFF',
    });
  });

  it('shows the parts that failed beside the slice that loaded', async () => {
    server.use(
      http.get('*/api/slice/v1/slices/demo/arcade/pacman', () =>
        HttpResponse.json({
          ...sliceDetail,
          errors: [
            {
              source: 'worker/edge-nyc',
              state: 'unreachable',
              message: 'connect ECONNREFUSED',
            },
          ],
        }),
      ),
    );
    await renderAt();
    expect(
      await screen.findByText('Error: worker/edge-nyc is unreachable'),
    ).toBeInTheDocument();
    expect(screen.getByText('Members (3)')).toBeInTheDocument();
  });

  it('says so when the slice does not exist (404)', async () => {
    server.use(
      http.get('*/api/slice/v1/slices/demo/arcade/pacman', () =>
        errorBody(
          404,
          'NotFoundError',
          "No slice 'pacman' in project 'arcade'",
        ),
      ),
    );
    await renderAt();
    expect(await screen.findByText('No such slice')).toBeInTheDocument();
  });

  it('says so when the caller may not see the slice (403), drawing nothing of it', async () => {
    server.use(
      http.get('*/api/slice/v1/slices/demo/arcade/pacman', () =>
        errorBody(
          403,
          'NotAllowedError',
          "You may not read slices of project 'arcade'",
        ),
      ),
    );
    await renderAt();
    expect(
      await screen.findByText('You may not see this slice'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Topology')).not.toBeInTheDocument();
    // Nothing was ever loaded, so there is no data to call stale.
    expect(screen.queryByTestId('stale-badge')).not.toBeInTheDocument();
  });

  it('topology: draws clusters and tunnels coloured by state, pods of a clicked tunnel, expands a cluster', async () => {
    await renderAt('/topology');
    const graph = await screen.findByTestId('topology-graph');
    expect(graph).toHaveAttribute(
      'aria-label',
      'Topology of 3 clusters and 3 tunnels',
    );
    const degraded = screen.getByTestId('edge-tunnel:aws-east|edge-nyc');
    expect(degraded).toHaveAttribute('data-state', 'DEGRADED');
    expect(within(degraded).getByText('48 ms')).toBeInTheDocument();

    fireEvent.click(degraded);
    const panel = await screen.findByTestId('tunnel-panel');
    expect(panel).toHaveTextContent('pacman-aws-east-edge-nyc-0');
    expect(panel).toHaveTextContent('pacman-edge-nyc-aws-east-0');
    expect(panel).toHaveTextContent('DOWN');

    expect(
      screen.queryByTestId('node-service:aws-east/mongodb/mongo'),
    ).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('node-cluster:aws-east'));
    expect(
      await screen.findByTestId('node-service:aws-east/mongodb/mongo'),
    ).toBeInTheDocument();
  });

  it('latency: chart per pair, the matrix with DOWN pairs, worst pairs', async () => {
    await renderAt('/latency');
    expect(await screen.findByTestId('latency-chart')).toBeInTheDocument();
    expect(
      await screen.findByTestId('series-aws-east|edge-nyc'),
    ).toBeInTheDocument();
    const matrix = await screen.findByTestId('latency-matrix');
    expect(
      within(matrix).getByTestId('cell-edge-nyc|gcp-west'),
    ).toHaveTextContent('DOWN');
    expect(
      within(matrix).getByTestId('cell-aws-east|gcp-west'),
    ).toHaveTextContent('67');
    fireEvent.click(getControl('latest'));
    await waitFor(() =>
      expect(
        within(matrix).getByTestId('cell-aws-east|gcp-west'),
      ).toHaveTextContent('62'),
    );
    const worst = screen.getByTestId('worst-pairs');
    expect(within(worst).getAllByRole('row')[1]).toHaveTextContent(
      'edge-nyc ↔ gcp-west',
    );
  });

  it('latency: asks for the chosen window', async () => {
    const windows: string[] = [];
    server.use(
      http.get('*/api/slice/v1/latency/matrix', ({ request }) => {
        windows.push(new URL(request.url).searchParams.get('window') ?? '');
        return HttpResponse.json({
          ...sliceDetail,
          clusters: [],
          cells: [],
          worstPairs: [],
        });
      }),
    );
    await renderAt('/latency');
    await waitFor(() => expect(windows).toContain('1h'));
    fireEvent.click(getControl('24 h'));
    await waitFor(() => expect(windows).toContain('24h'));
  });

  it('namespaces: requested vs onboarded per cluster', async () => {
    await renderAt('/namespaces');
    expect(await screen.findByTestId('pending')).toHaveTextContent(
      'mongodb on gcp-west, mongodb on edge-nyc',
    );
    expect(screen.getAllByText('requested, not onboarded').length).toBe(2);
  });

  it('namespaces: offers onboarding and offboarding to a user who may change the slice', async () => {
    await renderAt('/namespaces');
    const onboard = await screen.findByTestId('onboard-button');
    await waitFor(() =>
      expect(onboard).not.toHaveAttribute('aria-disabled', 'true'),
    );
    expect(onboard).toHaveAttribute(
      'href',
      '/slices/demo/arcade/pacman/onboard',
    );
    const offboard = screen
      .getAllByTestId('offboard-button')
      .map(a => a.getAttribute('href'));
    expect(offboard).toContain(
      '/slices/demo/arcade/pacman/onboard?namespace=mongodb&mode=offboard',
    );
  });

  it('namespaces: onboarding is disabled, with the reason, for a user who may not change the slice', async () => {
    // usePermission caches decisions per resource for the whole file: ask about a slice no
    // other test asked about.
    server.use(
      http.get('*/api/slice/v1/slices/demo/arcade/tetris', () =>
        HttpResponse.json({ ...sliceDetail, name: 'tetris' }),
      ),
    );
    await renderAt('/namespaces', {
      slice: 'tetris',
      permission: mockApis.permission({ authorize: AuthorizeResult.DENY }),
    });
    const onboard = await screen.findByTestId('onboard-button');
    await waitFor(() =>
      expect(onboard).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(
      screen.getAllByLabelText('You may not change slice tetris.').length,
    ).toBeGreaterThan(0);
  });

  it('services: DNS names, import state per cluster and the failing checklist step', async () => {
    await renderAt('/services');
    const card = await screen.findByTestId('service-mongodb-mongo');
    expect(card).toHaveTextContent('mongo.mongodb.svc.slice.local');
    expect(card).toHaveTextContent('mongo.arcade.example');
    expect(card).toHaveTextContent('MISSING');
    expect(screen.getByTestId('check-imports')).toHaveAttribute(
      'data-ok',
      'false',
    );
    expect(screen.getByTestId('check-imports')).toHaveTextContent(
      'No ServiceImport on edge-nyc',
    );
    expect(screen.getByTestId('check-export')).toHaveAttribute(
      'data-ok',
      'true',
    );
  });

  it('events: a timeline, filtered by type', async () => {
    await renderAt('/events');
    const timeline = await screen.findByTestId('event-timeline');
    expect(timeline).toHaveTextContent('SliceGWPodReconcileFailed');
    expect(timeline).toHaveTextContent('SliceCreated');
    fireEvent.mouseDown(screen.getByTestId('event-type-select'));
    fireEvent.click(
      await screen.findByText('Warning', { selector: '[role="option"]' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('event-timeline')).not.toHaveTextContent(
        'SliceCreated',
      ),
    );
  });

  it('yaml: the SliceConfig', async () => {
    await renderAt('/yaml');
    const yaml = await screen.findByTestId('slice-yaml');
    await waitFor(() => expect(yaml).toHaveTextContent('kind: SliceConfig'));
    expect(yaml).toHaveTextContent('sliceSubnet: 10.1.0.0/16');
  });
});

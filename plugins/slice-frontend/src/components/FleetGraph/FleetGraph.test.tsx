import type { ReactNode } from 'react';
import { mockApis, TestApiProvider } from '@backstage/frontend-test-utils';
import {
  renderInTestApp,
  registerMswTestHooks,
} from '@backstage/frontend-test-utils';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ThemeProvider, createTheme } from '@material-ui/core/styles';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { syntheticFleet } from '../../__testUtils__/syntheticFleet';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { FleetPage } from '../FleetPage/FleetPage';
import { FleetGraph } from './FleetGraph';

// The layout at 200 clusters is tested without rendering in graphLayout.test.ts. Here:
// the drawing and highlighting of the component, and on the fleet page only what needs
// the page (the ?view=graph link, filtering its slices table, switching to the map) with
// a small fleet, as every page render redraws its tables.

/** The translation API the graph's labels go through (English defaults). */
function Apis({ children }: { children: ReactNode }) {
  return (
    <TestApiProvider apis={[mockApis.translation(), mockApis.error()]}>
      {children}
    </TestApiProvider>
  );
}

describe('FleetGraph', () => {
  it('draws a node per cluster and one edge per cluster pair that shares a slice', () => {
    const { fleet, tunnels } = syntheticFleet(2, 12);
    // Colours come from the theme: a palette without Backstage's status colours falls back
    // to error/success.
    const theme = createTheme({
      palette: { error: { main: '#ab0000' }, success: { main: '#00ab00' } },
    });
    render(
      <ThemeProvider theme={theme}>
        <FleetGraph clusters={fleet.clusters} tunnels={tunnels} />
      </ThemeProvider>,
      { wrapper: Apis },
    );
    const graph = screen.getByTestId('fleet-graph');
    const count = (prefix: string) =>
      graph.querySelectorAll(`[data-testid^="${prefix}"]`).length;
    // (45 + 11 − 9) pairs in each of 2 projects.
    expect(count('graph-edge-')).toBe(94);
    expect(count('graph-node-')).toBe(24);
    expect(graph).toHaveAttribute(
      'aria-label',
      'Graph of 24 clusters and 94 cluster pairs',
    );
    expect(screen.getByTestId('fleet-graph-summary')).toHaveTextContent(
      '24 clusters, 94 cluster pairs sharing a slice',
    );
    const down = within(graph).getByTestId('graph-edge-t0-c0|t0-c1');
    expect(down).toHaveAttribute('data-state', 'DOWN');
    expect(down).toHaveAttribute('data-slices', '2');
    expect(down).toHaveAttribute('stroke', '#ab0000');
    expect(within(graph).getByTestId('graph-edge-t1-c0|t1-c1')).toHaveAttribute(
      'data-state',
      'UP',
    );
    expect(
      within(graph).getByTestId('graph-group-demo/tenant-2'),
    ).toHaveTextContent('tenant-2');
  });

  it("highlights a hovered cluster's pairs, reports a clicked one and keeps the selected one highlighted", () => {
    const { fleet, tunnels } = syntheticFleet(1, 12);
    const onClusterClick = jest.fn();
    const { rerender } = render(
      <FleetGraph
        clusters={fleet.clusters}
        tunnels={tunnels}
        onClusterClick={onClusterClick}
      />,
      { wrapper: Apis },
    );
    const graph = screen.getByTestId('fleet-graph');
    const circle = (name: string) =>
      within(graph).getByTestId(`graph-node-${name}`).querySelector('circle')!;
    expect(screen.queryByTestId('graph-focus')).not.toBeInTheDocument();

    fireEvent.mouseOver(circle('t0-c0'));
    // c0 is in the mesh with c1 … c9.
    expect(
      screen
        .getByTestId('graph-focus')
        .querySelectorAll('[data-testid^="graph-focus-"]'),
    ).toHaveLength(9);
    expect(graph).toHaveAttribute('data-focus', 't0-c0');
    expect(screen.getByTestId('graph-focus-list')).toHaveTextContent(
      't0-c0 shares slices with 9 clusters: t0-c1 (chain-0-0, mesh-0, DOWN)',
    );
    expect(graph.querySelector('style')!.textContent).toContain(
      '.fg-e{stroke-opacity:.05}',
    );

    fireEvent.mouseOut(circle('t0-c0'));
    expect(screen.queryByTestId('graph-focus')).not.toBeInTheDocument();
    expect(graph).not.toHaveAttribute('data-focus');

    fireEvent.click(circle('t0-c11'));
    const c11 = fleet.clusters.find(c => c.name === 't0-c11');
    expect(onClusterClick).toHaveBeenCalledWith(c11);

    rerender(
      <FleetGraph
        clusters={fleet.clusters}
        tunnels={tunnels}
        selected={c11}
        onClusterClick={onClusterClick}
      />,
    );
    expect(graph).toHaveAttribute('data-focus', 't0-c11');
    // c11 is only on the chain, with c10.
    expect(screen.getByTestId('graph-focus-list')).toHaveTextContent(
      't0-c11 shares slices with 1 cluster: t0-c10 (chain-0-10)',
    );
  });
});

describe('FleetGraph on the fleet page', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('opens from ?view=graph, filters the slices by a clicked cluster and switches to the map', async () => {
    // 4 clusters: mesh-0 over c0 … c2 and the chain c0 – c1 – c2 – c3 (4 slices).
    const { fleet, tunnels } = syntheticFleet(1, 4, 3);
    server.use(
      http.get('*/api/slice/v1/fleet', () => HttpResponse.json(fleet)),
      http.get('*/api/slice/v1/tunnels', () =>
        HttpResponse.json({ items: tunnels, errors: [] }),
      ),
    );
    await renderInTestApp(<FleetPage />, {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
      initialRouteEntries: ['/slices?view=graph'],
    });
    const graph = await screen.findByTestId('fleet-graph');
    // The map is not drawn while the graph is shown.
    expect(screen.queryByTestId('fleet-map')).not.toBeInTheDocument();
    expect(screen.getByText('Slices (4)')).toBeInTheDocument();
    expect(
      await within(graph).findByTestId('graph-edge-t0-c0|t0-c1'),
    ).toHaveAttribute('data-state', 'DOWN');

    fireEvent.click(within(graph).getByTestId('graph-node-t0-c2'));
    expect(screen.getByTestId('cluster-filter')).toHaveTextContent(
      'Slices on t0-c2',
    );
    // mesh-0, chain-0-1, chain-0-2.
    expect(screen.getByText('Slices (3)')).toBeInTheDocument();
    // The clicked cluster is the page's selection and stays highlighted.
    expect(graph).toHaveAttribute('data-focus', 't0-c2');

    fireEvent.click(screen.getByTestId('view-map'));
    expect(screen.getByTestId('fleet-map')).toBeInTheDocument();
    expect(screen.queryByTestId('fleet-graph')).not.toBeInTheDocument();
  });
});

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { screen } from '@testing-library/react';
import { http } from 'msw';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { sliceTranslationRef } from '../../translation';
import { errorBody, setupSliceServer } from '../../__testUtils__/server';
import { SlicePage } from './SlicePage';

/** A portal's messages for the slice page's tabs (see FleetPage.i18n.test.tsx). */
const germanPortal = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'slice-de',
      params: {
        resource: createTranslationMessages({
          ref: sliceTranslationRef,
          messages: {
            'sliceTabs.overview.members': 'Mitglieder ({{n}})',
            'sliceTabs.overview.rate.mbps': '{{value}} MBit/s',
            'sliceTabs.overview.countLabels.tunnelsUp': 'Tunnel aktiv',
            'sliceTabs.namespaces.pendingItem': '{{namespace}} auf {{cluster}}',
            'sliceTabs.namespaces.states.pending':
              'angefragt, nicht eingebunden',
            'common.loaded.notFoundTitle': '{{what}} gibt es nicht',
            'slicePage.what': 'Diesen Slice',
            'topology.what': 'Diese Topologie',
            'latency.chart.aria': 'Latenz über die Zeit',
            'latency.matrix.aria': 'Latenzmatrix von {{n}} Clustern',
          },
        }),
      },
    }),
  ],
});

function renderAt(tab: string) {
  return renderInTestApp(<SlicePage />, {
    features: [slicePlugin, germanPortal],
    apis: [mockApis.permission()],
    mountPath: '/slices/:hub/:project/:name/*',
    initialRouteEntries: [`/slices/demo/arcade/pacman${tab}`],
    mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
  });
}

describe('SlicePage localisation', () => {
  const { server, defaults } = setupSliceServer();
  beforeEach(() => defaults());

  it("overview: the portal's translations with values interpolated, the rest in English", async () => {
    await renderAt('');
    expect(await screen.findByText('Mitglieder (3)')).toBeInTheDocument();
    expect(screen.queryByText('Members (3)')).toBeNull();
    expect(screen.getByText('20 MBit/s')).toBeInTheDocument();
    expect(screen.getByTestId('slice-counts')).toHaveTextContent(
      '2/3Tunnel aktiv',
    );
    // Not translated by the portal: the English default.
    expect(screen.getByTestId('slice-counts')).toHaveTextContent(
      'warning events',
    );
  });

  it("namespaces: the portal's state labels and pending list", async () => {
    await renderAt('/namespaces');
    expect(await screen.findByTestId('pending')).toHaveTextContent(
      'mongodb auf gcp-west, mongodb auf edge-nyc',
    );
    expect(screen.getAllByText('angefragt, nicht eingebunden').length).toBe(2);
    expect(screen.queryByText('requested, not onboarded')).toBeNull();
  });

  it("a missing slice in the portal's words", async () => {
    server.use(
      http.get('*/api/slice/v1/slices/demo/arcade/pacman', () =>
        errorBody(404, 'NotFoundError', 'no slice pacman'),
      ),
    );
    await renderAt('');
    expect(
      await screen.findByText('Diesen Slice gibt es nicht'),
    ).toBeInTheDocument();
  });

  it("topology: a missing topology in the portal's words", async () => {
    server.use(
      http.get('*/api/slice/v1/slices/demo/arcade/pacman/topology', () =>
        errorBody(404, 'NotFoundError', 'no topology'),
      ),
    );
    await renderAt('/topology');
    expect(
      await screen.findByText('Diese Topologie gibt es nicht'),
    ).toBeInTheDocument();
  });

  it("latency: the chart's and the matrix's accessible names", async () => {
    await renderAt('/latency');
    expect(await screen.findByTestId('latency-chart')).toHaveAttribute(
      'aria-label',
      'Latenz über die Zeit',
    );
    expect(await screen.findByTestId('latency-matrix')).toHaveAttribute(
      'aria-label',
      'Latenzmatrix von 3 Clustern',
    );
  });
});

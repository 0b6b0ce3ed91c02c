/*
 * The legacy frontend system (`@slice-portal/plugin-slice/legacy`): a small test app with
 * `@backstage/test-utils`, the legacy plugin's own API factory (SliceClient over discovery +
 * fetch) and its routable and component extensions, against msw.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  discoveryApiRef,
  fetchApiRef,
  type AnyApiFactory,
} from '@backstage/core-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import {
  summarizeSlice,
  type FleetResponse,
} from '@slice-portal/plugin-slice-common';
import { sliceDetail } from './__testUtils__/fixtures';
import { setupSliceServer } from './__testUtils__/server';
import {
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import {
  EntitySlicesCard,
  EntitySlicesContent,
  KubesliceClusterPickerFieldExtension,
  SliceFleetPage,
  SliceNamespacePickerFieldExtension,
  SlicePickerFieldExtension,
  isSliceAvailable,
  sliceApiRef,
  type SliceApi,
  slicePlugin,
} from './legacy';
import { rootRouteRef } from './routes';
import { getControl } from './__testUtils__/controls';

const now = new Date().toISOString();
const fleet: FleetResponse = {
  generatedAt: now,
  hubs: [
    {
      name: 'demo',
      title: 'Demo fleet',
      sync: { state: 'ok', lastSyncAt: now },
      projects: ['arcade'],
      clusterCount: 0,
      sliceCount: 1,
    },
  ],
  clusters: [],
  slices: [summarizeSlice(sliceDetail)],
  counts: {
    clusters: { ok: 0, warning: 0, error: 0, unknown: 0 },
    slices: { ok: 0, warning: 1, error: 0, unknown: 0 },
  },
  errors: [],
};

/** The API the legacy plugin registers, built by its own factory from discovery + fetch. */
function legacySliceApi(): SliceApi {
  const factory = [...slicePlugin.getApis()].find(
    (f: AnyApiFactory) => f.api.id === sliceApiRef.id,
  );
  if (!factory) throw new Error('the legacy plugin registers no slice API');
  return factory.factory({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backend/api/${id}`,
    },
    fetchApi: {
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        fetch(input, init),
    },
  }) as SliceApi;
}

function app(children: ReactNode, route: string) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [sliceApiRef, legacySliceApi()],
        // A legacy app gets it from @backstage/app-defaults; the wizards' buttons ask it.
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <Routes>
        <Route path="/slices/*" element={<SliceFleetPage />} />
        <Route path="/catalog" element={children} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [route], mountedRoutes: { '/slices': rootRouteRef } },
  );
}

describe('legacy frontend system', () => {
  const { server, defaults } = setupSliceServer();
  beforeEach(() => {
    defaults();
    server.use(
      http.get('*/api/slice/v1/fleet', () => HttpResponse.json(fleet)),
      http.get('*/api/slice/v1/tunnels', () =>
        HttpResponse.json({ items: [], errors: [] }),
      ),
      http.get('*/api/slice/v1/slices', () =>
        HttpResponse.json({ items: fleet.slices, errors: [] }),
      ),
    );
  });

  it('registers an API factory needing discovery and fetch', () => {
    const factory = [...slicePlugin.getApis()].find(
      (f: AnyApiFactory) => f.api.id === sliceApiRef.id,
    );
    expect(factory?.deps).toEqual({
      discoveryApi: discoveryApiRef,
      fetchApi: fetchApiRef,
    });
  });

  it('SliceFleetPage shows the fleet at its mount point, linking to the slice', async () => {
    await app(null, '/slices');
    expect(await screen.findByText('Demo fleet')).toBeInTheDocument();
    expect(getControl('pacman', 'a')).toHaveAttribute(
      'href',
      '/slices/demo/arcade/pacman',
    );
  });

  it('SliceFleetPage routes a slice page below itself', async () => {
    await app(null, '/slices/demo/arcade/pacman');
    expect(
      await screen.findByText('pacman', { selector: 'h1' }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('slice-health')).toBeInTheDocument();
    expect(getControl('Topology', '[role="tab"]')).toBeInTheDocument();
  });

  it('EntitySlicesContent and EntitySlicesCard render for an annotated entity', async () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'mongodb',
        annotations: { 'kubeslice.io/slice': 'pacman' },
      },
      spec: {},
    };
    expect(isSliceAvailable(entity)).toBe(true);
    await app(
      <EntityProvider entity={entity}>
        <EntitySlicesCard />
        <EntitySlicesContent />
      </EntityProvider>,
      '/catalog',
    );
    const sections = await screen.findAllByTestId('entity-slice-pacman');
    expect(sections.length).toBeGreaterThanOrEqual(1);
    expect(
      within(sections[sections.length - 1]).getAllByText(/pacman/).length,
    ).toBeGreaterThan(0);
    expect(await screen.findByTestId('entity-slices-card')).toHaveTextContent(
      'pacman',
    );
  });

  it('offers the three scaffolder fields as legacy field extensions, each with its validation', async () => {
    function Fields() {
      const fields = useCustomFieldExtensions(
        <ScaffolderFieldExtensions>
          <KubesliceClusterPickerFieldExtension />
          <SlicePickerFieldExtension />
          <SliceNamespacePickerFieldExtension />
        </ScaffolderFieldExtensions>,
      );
      return (
        <ul>
          {fields.map(f => (
            <li key={f.name}>
              {f.name}:{typeof f.validation}
            </li>
          ))}
        </ul>
      );
    }
    await renderInTestApp(<Fields />);
    expect(screen.getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'KubesliceClusterPicker:function',
      'SlicePicker:function',
      'SliceNamespacePicker:function',
    ]);
  });
});

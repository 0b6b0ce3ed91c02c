import type { Entity } from '@backstage/catalog-model';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { summarizeSlice } from '@slice-portal/plugin-slice-common';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { sliceTranslationRef } from '../../translation';
import { sliceDetail } from '../../__testUtils__/fixtures';
import { setupSliceServer } from '../../__testUtils__/server';
import { EntitySlicesContent } from './EntitySlicesContent';

/** A portal's messages for the entity tab, including the export checklist it embeds. */
const germanPortal = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'slice-de',
      params: {
        resource: createTranslationMessages({
          ref: sliceTranslationRef,
          messages: {
            'entitySlices.sliceTitle': 'Slice-Verbund {{name}}',
            'entitySlices.failoverTitle':
              'Was bleibt, wenn ein Cluster ausfällt',
            'services.checklist.importsLabel': 'Auf jedem Mitglied importiert',
            'services.checklist.importsMissing':
              'Kein ServiceImport auf {{clusters}}',
          },
        }),
      },
    }),
  ],
});

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mongodb',
    annotations: { 'kubeslice.io/service': 'mongodb/mongo' },
  },
  spec: {},
};

describe('EntitySlicesContent localisation', () => {
  const { server, defaults } = setupSliceServer();
  beforeEach(() => {
    defaults();
    server.use(
      http.get('*/api/slice/v1/slices', () =>
        HttpResponse.json({ items: [summarizeSlice(sliceDetail)], errors: [] }),
      ),
    );
  });

  it("shows the portal's translations on the entity tab, values interpolated, the rest in English", async () => {
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <EntitySlicesContent />
      </EntityProvider>,
      {
        features: [slicePlugin, germanPortal],
        mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
      },
    );
    const section = await screen.findByTestId('entity-slice-pacman');
    expect(
      within(section).getByRole('link', { name: 'Slice-Verbund pacman' }),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent('Was bleibt, wenn ein Cluster ausfällt');
    expect(section).not.toHaveTextContent('What remains if one cluster');
    const imports = within(section).getByTestId('check-imports');
    expect(imports).toHaveTextContent('Auf jedem Mitglied importiert');
    expect(imports).toHaveTextContent(/Kein ServiceImport auf \S/);
    // Not translated by the portal: the English default.
    expect(section).toHaveTextContent(
      'Latency between the clusters holding endpoints',
    );
  });
});

import type { Entity } from '@backstage/catalog-model';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { summarizeSlice } from '@slice-portal/plugin-slice-common';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { sliceDetail } from '../../__testUtils__/fixtures';
import { errorBody, setupSliceServer } from '../../__testUtils__/server';
import { EntitySlicesCard } from './EntitySlicesCard';
import { EntitySlicesContent } from './EntitySlicesContent';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'mongodb', annotations },
    spec: {},
  };
}

function render(annotations: Record<string, string>, card = false) {
  return renderInTestApp(
    <EntityProvider entity={entity(annotations)}>
      {card ? <EntitySlicesCard /> : <EntitySlicesContent />}
    </EntityProvider>,
    {
      features: [slicePlugin],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    },
  );
}

describe('EntitySlicesContent', () => {
  const { server, defaults } = setupSliceServer();
  beforeEach(() => {
    defaults();
    server.use(
      http.get('*/api/slice/v1/slices', () =>
        HttpResponse.json({
          items: [
            summarizeSlice(sliceDetail),
            {
              ...summarizeSlice(sliceDetail),
              project: 'acme',
              name: 'payments',
              namespaces: ['payments'],
            },
          ],
          errors: [],
        }),
      ),
    );
  });

  it('finds the slice by the exported service and shows export/import, latency and failover', async () => {
    await render({ 'kubeslice.io/service': 'mongodb/mongo' });
    const section = await screen.findByTestId('entity-slice-pacman');
    expect(
      within(section).getByRole('link', { name: 'Slice pacman' }),
    ).toHaveAttribute('href', '/slices/demo/arcade/pacman');
    expect(section).toHaveTextContent('mongo.mongodb.svc.slice.local');
    expect(within(section).getByTestId('check-imports')).toHaveAttribute(
      'data-ok',
      'false',
    );
    expect(within(section).getByTestId('entity-latency')).toHaveTextContent(
      'aws-east ↔ edge-nyc',
    );
    expect(within(section).getByTestId('entity-latency')).toHaveTextContent(
      '48 ms',
    );
    // All endpoints are on aws-east: losing it takes the service down; losing another does not.
    expect(screen.getByTestId('failover-aws-east')).toHaveTextContent(
      'nothing: the service is down on the whole slice',
    );
    expect(screen.getByTestId('failover-gcp-west')).toHaveTextContent(
      'aws-east',
    );
    expect(
      screen.queryByTestId('entity-slice-payments'),
    ).not.toBeInTheDocument();
  });

  it('offers to onboard the namespace of a service that is not on the slice yet', async () => {
    await render({
      'kubeslice.io/slice': 'arcade/pacman',
      'kubeslice.io/service': 'web/frontend',
    });
    const section = await screen.findByTestId('entity-slice-pacman');
    expect(section).toHaveTextContent('web/frontend is not exported');
    expect(within(section).getByTestId('onboard-button')).toHaveAttribute(
      'href',
      '/slices/demo/arcade/pacman/onboard?namespace=web',
    );
  });

  it('does not offer onboarding when the service namespace is already on the slice', async () => {
    await render({
      'kubeslice.io/slice': 'arcade/pacman',
      'kubeslice.io/service': 'mongodb/other',
    });
    const section = await screen.findByTestId('entity-slice-pacman');
    expect(section).toHaveTextContent('mongodb/other is not exported');
    expect(within(section).queryByTestId('onboard-button')).toBeNull();
  });

  it('names annotated slices that are not visible, and shows the others', async () => {
    await render({ 'kubeslice.io/slice': 'arcade/pacman, acme/ledger' });
    expect(
      await screen.findByTestId('entity-slice-pacman'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Not found or not visible to you: acme\/ledger$/),
    ).toBeInTheDocument();
  });

  it('reports a slice whose detail failed beside the ones that loaded', async () => {
    server.use(
      http.get('*/api/slice/v1/slices/demo/acme/payments', () =>
        errorBody(
          403,
          'NotAllowedError',
          'You may not read slices of project acme',
        ),
      ),
    );
    await render({ 'kubeslice.io/slice': 'pacman,payments' });
    expect(
      await screen.findByTestId('entity-slice-pacman'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Slice payments could not be read$/),
    ).toBeInTheDocument();
  });

  it('says what to do when the entity is on no visible slice', async () => {
    await render({ 'kubeslice.io/service': 'billing/api' });
    expect(
      await screen.findByText('Not on any slice you can see'),
    ).toBeInTheDocument();
  });

  it('card: the slice with the service health and where its endpoints are', async () => {
    await render({ 'kubeslice.io/service': 'mongodb/mongo' }, true);
    const card = await screen.findByTestId('entity-slices-card');
    expect(card).toHaveTextContent('pacman');
    expect(card).toHaveTextContent('endpoints on aws-east');
    expect(within(card).getByRole('link', { name: 'pacman' })).toHaveAttribute(
      'href',
      '/slices/demo/arcade/pacman/services',
    );
  });
});

import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

test('the Slices page shows the demo fleet from the simulator', async ({
  page,
}) => {
  await signIn(page, '/slices', 'Platform engineer');

  await expect(
    page.getByRole('heading', { name: 'Slices', level: 1 }),
  ).toBeVisible();
  await expect(page.getByTestId('hub-demo')).toContainText('In sync');

  for (const slice of ['pacman', 'leaderboard', 'payments', 'analytics']) {
    await expect(
      page.getByRole('cell', { name: slice, exact: true }).first(),
    ).toBeVisible();
  }
  const clusters = [
    'aws-east',
    'gcp-west',
    'azure-eu',
    'edge-nyc',
    'aws-eu',
    'gcp-asia',
    'azure-us',
  ];
  for (const cluster of clusters) {
    await expect(
      page.getByRole('cell', { name: cluster, exact: true }).first(),
    ).toBeVisible();
  }
  // The edge site's forwarder is unhealthy in the demo: its reason is shown, not just a colour.
  await expect(
    page
      .getByRole('cell')
      .getByText('cluster health Warning: forwarder')
      .first(),
  ).toBeVisible();

  // The map places the located clusters and draws the tunnels of their slices.
  const map = page.getByTestId('fleet-map');
  await expect(map).toBeVisible();
  await expect(map).toHaveAttribute(
    'aria-label',
    /Map of [1-9]\d* clusters and [1-9]\d* tunnels/,
  );
  await map.locator('[data-testid="map-cluster-gcp-asia"]').click();
  await expect(page.getByTestId('cluster-filter')).toContainText(
    'Slices on gcp-asia',
  );
  await page.getByTestId('cluster-filter').locator('svg').click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Slices' })).toBeVisible();

  await page.screenshot({
    path: 'artifacts/screenshots/fleet.png',
    fullPage: true,
  });
});

test('the cluster graph draws one edge per cluster pair that shares a slice', async ({
  page,
}) => {
  await signIn(page, '/slices', 'Platform engineer');
  await expect(page.getByTestId('fleet-map')).toBeVisible();
  await page.getByTestId('view-graph').click();
  await expect(page).toHaveURL(/view=graph/);
  await expect(page.getByTestId('fleet-map')).toHaveCount(0);

  const graph = page.getByTestId('fleet-graph');
  // arcade: pacman (aws-east, gcp-west, azure-eu) + leaderboard (aws-east, edge-nyc) → 4 pairs;
  // acme: payments (aws-eu, gcp-asia, azure-us) → 3 pairs (analytics is no-network: no tunnels).
  await expect(graph).toHaveAttribute(
    'aria-label',
    'Graph of 7 clusters and 7 cluster pairs',
  );
  await expect(graph.locator('[data-testid^="graph-node-"]')).toHaveCount(7);
  await expect(graph.locator('[data-testid^="graph-edge-"]')).toHaveCount(7);
  await expect(graph.getByTestId('graph-edge-aws-eu|gcp-asia')).toHaveAttribute(
    'data-slices',
    '1',
  );
  // No edge between projects.
  await expect(graph.getByTestId('graph-edge-aws-east|aws-eu')).toHaveCount(0);
  await expect(graph.getByTestId('graph-group-demo/acme')).toHaveText('acme');

  await graph.getByTestId('graph-node-aws-east').hover();
  await expect(page.getByTestId('graph-focus-list')).toContainText(
    'aws-east shares slices with 3 clusters',
  );
  await expect(graph.locator('[data-testid^="graph-focus-"]')).toHaveCount(3);
  await page.screenshot({
    path: 'artifacts/screenshots/fleet-graph-hover.png',
    fullPage: true,
  });

  await graph.getByTestId('graph-node-edge-nyc').click();
  await expect(page.getByTestId('cluster-filter')).toContainText(
    'Slices on edge-nyc',
  );
  await expect(page.getByText('Slices (1)')).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(graph).toHaveAttribute('data-focus', 'edge-nyc');

  await page.getByTestId('fleet-graph-card').screenshot({
    path: 'artifacts/screenshots/fleet-graph.png',
  });
});

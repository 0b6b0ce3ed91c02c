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

import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/*
 * Tenant scoping: ana is in team-acme, which owns the acme project (payments, analytics on
 * aws-eu, gcp-asia, azure-us). Nothing of the arcade project may be listed or drawn.
 */
test('a tenant of acme sees only acme, and not arcade’s pacman slice', async ({
  page,
}) => {
  await signIn(page, '/slices', 'Tenant (acme)');

  await expect(page.getByTestId('hub-demo')).toContainText('In sync');
  for (const slice of ['payments', 'analytics']) {
    await expect(
      page.getByRole('cell', { name: slice, exact: true }).first(),
    ).toBeVisible();
  }
  for (const cluster of ['aws-eu', 'gcp-asia', 'azure-us']) {
    await expect(
      page.getByRole('cell', { name: cluster, exact: true }).first(),
    ).toBeVisible();
  }
  await expect(page.getByText('Slices (2)')).toBeVisible();
  await expect(page.getByText('Clusters (3)')).toBeVisible();
  const main = page.getByRole('main');
  for (const hidden of [
    'pacman',
    'leaderboard',
    'aws-east',
    'gcp-west',
    'azure-eu',
    'edge-nyc',
  ]) {
    await expect(main.getByText(hidden, { exact: true })).toHaveCount(0);
  }
  const map = page.getByTestId('fleet-map');
  await expect(map).toHaveAttribute(
    'aria-label',
    /Map of 3 clusters and [1-9]\d* tunnels/,
  );
  await expect(map.locator('[data-testid^="map-tunnel-pacman-"]')).toHaveCount(
    0,
  );
  await expect(
    map.locator('[data-testid^="map-tunnel-payments-"]').first(),
  ).toBeAttached();
  await page.screenshot({
    path: 'artifacts/screenshots/tenant-acme-fleet.png',
    fullPage: true,
  });

  await page.goto('/slices/demo/arcade/pacman');
  await expect(
    page.getByText(/No such slice|You may not see this slice/),
  ).toBeVisible();
  for (const arcade of ['aws-east', 'gcp-west', 'azure-eu', 'mongodb']) {
    await expect(main.getByText(arcade)).toHaveCount(0);
  }
  await expect(page.getByRole('tab', { name: 'Topology' })).toHaveCount(0);
  await page.screenshot({
    path: 'artifacts/screenshots/tenant-acme-pacman-denied.png',
    fullPage: true,
  });
});

test('the platform engineer sees both projects', async ({ page }) => {
  await signIn(page, '/slices', 'Platform engineer');
  await expect(page.getByText('Slices (4)')).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'pacman', exact: true }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'payments', exact: true }).first(),
  ).toBeVisible();
});

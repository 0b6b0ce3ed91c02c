import { expect, test, type Page } from '@playwright/test';

/** A fresh browser context always starts at the sign-in page; the demo offers guest sign-in. */
async function signInAsGuest(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('button', { name: 'Enter' }).click();
}

test('the Slices page shows the demo fleet from the simulator', async ({
  page,
}) => {
  await signInAsGuest(page, '/slices');

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
    page.getByText('cluster health Warning: forwarder').first(),
  ).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Slices' })).toBeVisible();

  await page.screenshot({
    path: 'artifacts/screenshots/fleet.png',
    fullPage: true,
  });
});

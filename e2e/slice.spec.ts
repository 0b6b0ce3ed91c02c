import { expect, test, type Page } from '@playwright/test';
import { signIn } from './signIn';

async function shot(page: Page, name: string) {
  await page.screenshot({
    path: `artifacts/screenshots/${name}.png`,
    fullPage: true,
  });
}

test('fleet → slice → every tab of the pacman slice', async ({ page }) => {
  await signIn(page, '/slices', 'Platform engineer');
  await page.getByRole('link', { name: 'pacman', exact: true }).click();
  await expect(page).toHaveURL(/\/slices\/demo\/arcade\/pacman$/);

  // Overview
  await expect(
    page.getByRole('heading', { name: 'pacman', level: 1 }),
  ).toBeVisible();
  await expect(page.getByTestId('slice-health')).toBeVisible();
  await expect(page.getByTestId('slice-counts')).toContainText('members');
  await expect(page.getByText(/^Members \(\d+\)$/)).toBeVisible();
  await shot(page, 'slice-overview');

  // Topology: every member is a node, tunnels are edges; a click shows the gateway pods.
  await page.getByRole('tab', { name: 'Topology' }).click();
  const graph = page.getByTestId('topology-graph');
  await expect(graph).toBeVisible();
  await expect(graph).toHaveAttribute(
    'aria-label',
    /Topology of \d+ clusters and \d+ tunnels/,
  );
  const edge = page.locator('[data-testid^="edge-tunnel:"]').first();
  await edge.click({ force: true });
  await expect(page.getByTestId('tunnel-panel')).toBeVisible();
  await page.locator('[data-testid^="node-cluster:"]').first().click();
  await expect(
    page.locator('[data-testid^="node-namespace:"]').first(),
  ).toBeVisible();
  await shot(page, 'slice-topology');

  // Latency
  await page.getByRole('tab', { name: 'Latency' }).click();
  await expect(
    page.getByText('Round-trip latency per cluster pair'),
  ).toBeVisible();
  await expect(
    page
      .getByTestId('latency-chart')
      .or(page.getByText('No latency samples in this window')),
  ).toBeVisible();
  await expect(
    page
      .getByTestId('latency-matrix')
      .or(page.getByText('No samples in this window yet.')),
  ).toBeVisible();
  await shot(page, 'slice-latency');

  // Namespaces
  await page.getByRole('tab', { name: 'Namespaces' }).click();
  await expect(page.getByText('Isolation', { exact: true })).toBeVisible();
  await shot(page, 'slice-namespaces');

  // Services
  await page.getByRole('tab', { name: 'Services' }).click();
  await expect(
    page
      .getByTestId('export-checklist')
      .first()
      .or(page.getByText('No services exported on this slice')),
  ).toBeVisible();
  await shot(page, 'slice-services');

  // Events
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(
    page.getByTestId('event-timeline').or(page.getByText('No events match')),
  ).toBeVisible();
  await shot(page, 'slice-events');

  // YAML
  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page.getByTestId('slice-yaml')).toContainText(
    'kind: SliceConfig',
  );
  await shot(page, 'slice-yaml');
});

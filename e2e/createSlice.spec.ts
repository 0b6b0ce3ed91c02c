import { expect, test, type Page } from '@playwright/test';
import { shots } from './shots';
import { signIn } from './signIn';

const shot = shots('create');

/** A name no earlier run on the same demo has used (slice names: 15 characters or fewer). */
const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36).slice(-6)}`;

const next = (page: Page) => page.getByTestId('wizard-next').click();

/** Sign in, open the wizard from the Fleet page, and fill project, name and three clusters. */
async function startWizard(page: Page, name: string) {
  await signIn(page, '/slices', 'Platform engineer');
  await page.getByTestId('create-slice-button').click();
  await expect(page).toHaveURL(/\/slices\/create$/);
  await page.getByTestId('project-select').locator('..').click();
  await page.getByTestId('project-option-arcade').click();
  await page.getByTestId('slice-name').fill(name);
  await shot(page, '1-project');
  await next(page);
  for (const cluster of ['aws-east', 'gcp-west', 'azure-eu']) {
    await page
      .getByTestId(`cluster-row-${cluster}`)
      .locator('input[type=checkbox]')
      .check();
  }
  await expect(page.getByTestId('clusters-selected')).toHaveText('3 selected');
  await shot(page, '2-clusters');
  await next(page);
}

test('a platform engineer creates a 3-cluster slice and sees it become healthy', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const name = uniqueName('e2e');
  await startWizard(page, name);

  // Network: a suggested subnet that overlaps nothing.
  const subnet = page.getByTestId('subnet');
  await expect(subnet).toHaveValue(/^10\.\d+\.0\.0\/16$/);
  await expect(page.getByTestId('subnet-suggestion')).toContainText(
    'overlaps no slice',
  );
  await shot(page, '3-network');
  await next(page);
  // Namespaces: one application namespace on every member (its own: a namespace is on one slice only).
  await page.getByTestId('app-ns-add').click();
  await page.getByTestId('app-ns-0-name').fill(name);
  await shot(page, '4-namespaces');
  await next(page);
  // QoS: the default custom values; then review.
  await shot(page, '5-qos');
  await next(page);
  const review = page.getByTestId('review');
  await expect(review).toContainText('kind: SliceConfig');
  await expect(review).toContainText(`name: ${name}`);
  await shot(page, '6-review');
  await page.getByRole('button', { name: 'Apply' }).click();

  const progress = page.getByTestId('operation-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  await shot(page, '7-done');
  await page.getByTestId('slice-ready').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/slices/demo/arcade/${name}$`));
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  // On the fleet page, the new slice is there and healthy.
  await page.goto('/slices');
  const row = page.getByRole('row').filter({
    has: page.getByRole('link', { name, exact: true }),
  });
  await expect(row).toContainText('aws-east');
  await expect(row).toContainText('Healthy', { timeout: 60_000 });
  // ... and on the fleet map: its three tunnels drawn, every one UP.
  const tunnels = page
    .getByTestId('fleet-map')
    .locator(`[data-testid^="map-tunnel-${name}-"]`);
  await expect(tunnels).toHaveCount(3, { timeout: 60_000 });
  for (const tunnel of await tunnels.all())
    await expect(tunnel).toHaveAttribute('data-state', 'UP', {
      timeout: 60_000,
    });
  await shot(page, '8-fleet');
});

test('a preflight error (an overlapping subnet) shows beside its field and blocks apply', async ({
  page,
}) => {
  await startWizard(page, uniqueName('bad'));
  // aws-east's pod network is 172.16.0.0/16 in the demo.
  await page.getByTestId('subnet').fill('172.16.0.0/16');
  await next(page);
  await next(page);
  await next(page);

  const finding = page
    .getByTestId('finding')
    .filter({ hasText: 'spec.sliceSubnet' });
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('Go to Network');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await expect(page.getByTestId('wizard-step-network')).toContainText('to fix');

  await shot(page, 'subnet-finding');
  await finding.click();
  const help = page.getByTestId('subnet-help');
  await expect(help).toContainText('172.16.0.0/16');
  await expect(page.getByTestId('subnet')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
});

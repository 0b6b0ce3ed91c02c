import { expect, test } from '@playwright/test';
import { shots } from './shots';
import { signIn } from './signIn';

/*
 * A tenant of acme (ana) onboards a new namespace on every member of the payments slice
 * through the wizard and watches it reach onboarded on each cluster; the wizard cannot be
 * opened for arcade's pacman slice, which ana may not see.
 */
const shot = shots('onboard');

test('a tenant onboards a namespace onto every member and sees it onboarded', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const namespace = `web-${Date.now().toString(36)}`;
  await signIn(page, '/slices/demo/acme/payments/onboard', 'Tenant (acme)');

  const next = page.getByTestId('wizard-next');
  await expect(next).toBeEnabled({ timeout: 30_000 });
  await shot(page, '1-slice');
  await next.click();

  await expect(page.getByTestId('namespace-grid')).toBeVisible();
  await expect(page.getByTestId('every-payments')).toBeChecked();
  await page.getByTestId('add-namespace').fill(namespace);
  await page.getByRole('button', { name: 'Add namespace' }).click();
  await page.getByTestId(`every-${namespace}`).check();
  await expect(page.getByTestId(`grid-row-${namespace}`)).toHaveAttribute(
    'data-changed',
    'true',
  );
  await shot(page, '2-grid');
  await next.click();

  await expect(page.getByTestId('isolation-step')).toBeVisible();
  await shot(page, '3-isolation');
  await next.click();

  await expect(page.getByTestId('review')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(`plan-${namespace}`)).toContainText(
    'every member (*)',
  );
  await expect(page.getByTestId('plan-diff')).toContainText(namespace);
  await shot(page, '4-review');
  await page.getByRole('button', { name: 'Apply' }).click();

  const progress = page.getByTestId('operation-progress');
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await shot(page, '5-progress');
  await expect(progress).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  for (const cluster of ['aws-eu', 'gcp-asia', 'azure-us'])
    await expect(
      page.getByTestId(`op-step-onboard:${namespace}@${cluster}`),
    ).toContainText('done');
  await shot(page, '6-onboarded');

  await page.getByTestId('open-slice').click();
  await expect(page.getByText(namespace).first()).toBeVisible();
});

test('a tenant of acme cannot open the wizard for an arcade slice', async ({
  page,
}) => {
  await signIn(page, '/slices/demo/arcade/pacman/onboard', 'Tenant (acme)');
  await expect(page.getByTestId('slice-not-visible')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('wizard-next')).toBeDisabled();
  await shot(page, '7-arcade-refused');
});

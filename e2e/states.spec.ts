import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

/* The fleet page's loading and stale states in the browser; the backend is slowed or failed by intercepting its route. */
test('fleet page: skeletons while loading, a stale badge after a failed refresh', async ({
  page,
}) => {
  let mode: 'slow' | 'fail' | 'pass' = 'slow';
  let release: () => void = () => {};
  const released = new Promise<void>(resolve => {
    release = resolve;
  });
  await page.route('**/api/slice/v1/fleet', async route => {
    if (mode === 'slow') await released;
    if (mode === 'fail') {
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { name: 'Error', message: 'backend restarting' },
        }),
      });
      return;
    }
    await route.continue();
  });

  await signIn(page, '/slices', 'Platform engineer');
  await expect(page.getByTestId('fleet-skeleton')).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/fleet-loading.png',
    fullPage: true,
  });
  mode = 'pass';
  release();
  await expect(page.getByTestId('hub-demo')).toContainText('In sync');
  await expect(page.getByTestId('fleet-skeleton')).toHaveCount(0);

  mode = 'fail';
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('stale-badge')).toContainText(
    /Stale · data from \d+ s ago/,
  );
  await expect(page.getByTestId('hub-demo')).toContainText('In sync');
  await page.screenshot({
    path: 'artifacts/screenshots/fleet-stale.png',
    fullPage: true,
  });
});

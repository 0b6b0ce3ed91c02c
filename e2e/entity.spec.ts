import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

test('the mongodb component shows its slice, export state and failover', async ({
  page,
}) => {
  await signIn(page, '/catalog/default/component/mongodb', 'Platform engineer');

  // Overview card
  await expect(page.getByTestId('entity-slices-card')).toContainText('pacman');
  await page.screenshot({
    path: 'artifacts/screenshots/entity-overview.png',
    fullPage: true,
  });

  // Slices tab
  await page.locator('a[href$="/component/mongodb/slices"]').click();
  const section = page.getByTestId('entity-slice-pacman');
  await expect(section).toBeVisible();
  await expect(section).toContainText('mongodb.mongodb.svc.slice.local');
  await expect(section.getByTestId('entity-failover')).toBeVisible();
  await expect(section.getByTestId('export-checklist')).toBeVisible();
  await page.screenshot({
    path: 'artifacts/screenshots/entity-slices.png',
    fullPage: true,
  });
});

import { expect, test, type Page } from '@playwright/test';
import { shots } from './shots';
import { signIn } from './signIn';

/** A name no earlier run on the same demo has used (slice names: 15 characters or fewer). */
const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36).slice(-6)}`;

const next = (page: Page) => page.getByTestId('wizard-next').click();
const check = (page: Page, cluster: string) =>
  page
    .getByTestId(`cluster-row-${cluster}`)
    .locator('input[type=checkbox]')
    .check();

const shot = shots('delete');
let step = 0;
/** Numbered, so the change-then-delete story reads in order. */
const snap = (page: Page, what: string) =>
  shot(page, `${String(++step).padStart(2, '0')}-${what}`);

/** The slice this journey changes and deletes: its own, never one of the demo's. */
async function createSlice(page: Page, name: string) {
  await page.goto('/slices/create');
  await page.getByTestId('project-select').locator('..').click();
  await page.getByTestId('project-option-arcade').click();
  await page.getByTestId('slice-name').fill(name);
  await next(page);
  await check(page, 'aws-east');
  await check(page, 'gcp-west');
  await next(page);
  await next(page);
  await page.getByTestId('app-ns-add').click();
  await page.getByTestId('app-ns-0-name').fill(name);
  await next(page);
  await next(page);
  await expect(page.getByTestId('review')).toContainText(`name: ${name}`);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('operation-progress')).toHaveAttribute(
    'data-state',
    'done',
    { timeout: 150_000 },
  );
}

test('a slice is changed (a member added, QoS) and then deleted through the guided flow', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const name = uniqueName('del');
  await signIn(page, '/slices', 'Platform engineer');
  await createSlice(page, name);

  // Change: from the slice page; aws-east holds a namespace, so it cannot leave.
  await page.goto(`/slices/demo/arcade/${name}`);
  await expect(page.getByTestId('slice-change')).toBeVisible();
  await snap(page, 'slice-page-actions');
  await page.getByTestId('slice-change').click();
  await expect(page).toHaveURL(new RegExp(`/slices/demo/arcade/${name}/edit$`));
  await expect(
    page.getByTestId('cluster-row-aws-east').locator('input[type=checkbox]'),
  ).toBeDisabled({ timeout: 60_000 });
  await expect(page.getByTestId('cluster-why-aws-east')).toContainText(
    'cannot leave',
  );
  await check(page, 'azure-eu');
  await snap(page, 'change-members');
  await next(page);
  await expect(page.getByTestId('application-note')).toContainText(name);
  await snap(page, 'change-isolation');
  await next(page);
  await page.getByTestId('qos-ceiling').fill('30000');
  await snap(page, 'change-qos');
  await next(page);
  const diff = page.getByTestId('change-diff');
  await expect(diff).toContainText('azure-eu');
  await expect(diff).toContainText('30000');
  await snap(page, 'change-review');
  await page.getByRole('button', { name: 'Apply' }).click();
  const progress = page.getByTestId('operation-progress');
  await expect(progress).toHaveAttribute('data-state', 'done', {
    timeout: 150_000,
  });
  await snap(page, 'change-done');

  // Delete: the confirmation names what goes, and wants the name.
  await page.getByTestId('change-done-link').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/slices/demo/arcade/${name}$`));
  await page.getByTestId('slice-delete').click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog.getByTestId('delete-steps')).toContainText(
    `Delete SliceConfig ${name}`,
  );
  await expect(dialog.getByTestId('delete-members')).toContainText('azure-eu');
  await expect(dialog.getByTestId('delete-ns-aws-east')).toContainText(name);
  const apply = dialog.getByTestId('delete-apply');
  await expect(apply).toBeDisabled();
  await snap(page, 'delete-confirm');
  await dialog.getByTestId('delete-confirm-name').fill(name);
  await expect(apply).toBeEnabled();
  await snap(page, 'delete-confirm-typed');
  await apply.click();
  await expect(dialog.getByTestId('operation-progress')).toBeVisible();
  await snap(page, 'delete-progress');

  // Done: back on the Slices page, with a message, and the slice is gone.
  await expect(page).toHaveURL(/\/slices$/, { timeout: 200_000 });
  await expect(page.getByText(`Slice ${name} was deleted.`)).toBeVisible();
  await snap(page, 'fleet-after-delete');
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  await page.reload();
  await expect(
    page.getByRole('link', { name: 'pacman', exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
});

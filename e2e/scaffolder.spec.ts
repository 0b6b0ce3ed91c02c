import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'child_process';
import { shots } from './shots';
import { signIn } from './signIn';

const shot = shots('scaffolder');

/** A name no earlier run on the same demo has used (slice names: 15 characters or fewer). */
const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36).slice(-6)}`;

const KUBECONFIG =
  process.env.SLICE_DEMO_KUBECONFIG ?? '.fleet-sim/demo-kubeconfig';
/** kubectl on one of the demo's virtual clusters. */
const onCluster = (context: string, args: string[], input?: string) =>
  execFileSync(
    'kubectl',
    ['--kubeconfig', KUBECONFIG, '--context', context, ...args],
    { stdio: 'pipe', encoding: 'utf8', input },
  );

/** Opens a template from the scaffolder's list ("Create…" in the sidebar). */
async function openTemplate(page: Page, title: string) {
  await signIn(page, '/slices', 'Platform engineer');
  await page
    .getByRole('link', { name: /Create/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/create/);
  // The innermost element holding both the title and a Choose button is the template's card.
  const card = page
    .locator('div')
    .filter({ has: page.getByText(title, { exact: true }) })
    .filter({ has: page.getByRole('button', { name: 'Choose' }) })
    .last();
  await card.getByRole('button', { name: 'Choose' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/** Picks an option of a JSON-schema enum select (rjsf renders a Material-UI select). */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the "Create a slice" template creates a healthy slice that shows up in the catalog with its owner', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const name = uniqueName('tpl');
  await openTemplate(page, 'Create a slice');
  await choose(page, 'Project', 'arcade');
  await page.getByLabel('Slice name').fill(name);
  for (const cluster of ['aws-east', 'gcp-west']) {
    await page
      .getByTestId(`cluster-row-${cluster}`)
      .locator('input[type=checkbox]')
      .check();
  }
  await expect(page.getByTestId('clusters-selected')).toHaveText('2 selected');
  await shot(page, 'clusters');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task log follows the operation; the run ends with links to the slice and its entity.
  const open = page.getByRole('link', { name: 'Open the slice' });
  await expect(open).toBeVisible({ timeout: 200_000 });
  await shot(page, 'done');
  // An absolute link (it opens in a new tab): followed here in the same page.
  const href = await open.getAttribute('href');
  expect(href).toMatch(new RegExp(`/slices/demo/arcade/${name}$`));
  await page.goto(href!);
  await expect(page.getByTestId('slice-health')).toContainText(/Healthy/i, {
    timeout: 60_000,
  });

  // The catalog module emits it as a Resource owned by the project's team.
  await expect(async () => {
    await page.goto(`/catalog/default/resource/demo.arcade.${name}`);
    await expect(page.getByText('team-arcade').first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText('kubeslice-slice').first()).toBeVisible();
  await shot(page, 'catalog');
});

test('the GitOps template commits the rendered SliceConfig to the fleet repository', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The repository the demo script created (the test command names its own).
  const repository =
    process.env.SLICE_DEMO_GITOPS_REPO ?? '.fleet-sim/demo-gitops';
  const name = uniqueName('ops');
  await openTemplate(page, 'Propose a slice through GitOps');
  await choose(page, 'Project', 'acme');
  await page.getByLabel('Slice name').fill(name);
  for (const cluster of ['aws-eu', 'azure-us']) {
    await page
      .getByTestId(`cluster-row-${cluster}`)
      .locator('input[type=checkbox]')
      .check();
  }
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByText(`manifests/acme/slices/${name}.yaml`).first(),
  ).toBeVisible({
    timeout: 120_000,
  });
  const file = execFileSync(
    'git',
    ['-C', repository, 'show', `HEAD:acme/slices/${name}.yaml`],
    { encoding: 'utf8' },
  );
  expect(file).toMatch(new RegExp(`kind: SliceConfig[\\s\\S]*name: ${name}`));
  expect(
    execFileSync('git', ['-C', repository, 'log', '-1', '--format=%s'], {
      encoding: 'utf8',
    }),
  ).toContain(`Add slice ${name} to project acme`);
});

test('the "Onboard a namespace" template: the pickers show bindings and refuse a conflict before the run, then onboard on every member', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const namespace = uniqueName('tplns');
  await openTemplate(page, 'Onboard a namespace onto a slice');
  await choose(page, 'Project', 'arcade');
  await page.getByTestId('slice-picker').getByRole('button').click();
  await page.getByRole('option', { name: /pacman \(arcade\)/ }).click();

  // `leaderboard` is on slice leaderboard on aws-east, a member of pacman too: a conflict.
  const picker = page.getByTestId('slice-namespace-picker');
  await picker.getByRole('textbox').fill('leaderboard');
  await expect(page.getByTestId('binding-aws-east')).toHaveText(
    /on slice leaderboard/,
  );
  await expect(
    picker.getByText(/On slice leaderboard on aws-east/),
  ).toBeVisible();
  await shot(page, 'namespace-conflict');
  // Moving on runs the onboarding preflight: the refusal stays beside the field.
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(picker.locator('.Mui-error').first()).toBeVisible();
  await shot(page, 'namespace-refused');
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);

  await picker.getByRole('textbox').fill(namespace);
  await expect(page.getByTestId('binding-gcp-west')).toHaveText(
    /will be created/,
  );
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const open = page.getByRole('link', { name: 'Open the slice' });
  await expect(open).toBeVisible({ timeout: 200_000 });
  await shot(page, 'onboarded');
  await page.goto('/slices/demo/arcade/pacman/namespaces');
  await expect(page.getByText(namespace).first()).toBeVisible();
});

test('the "Register a cluster" template registers a cluster the fleet then lists', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const name = uniqueName('tplc');
  await openTemplate(page, 'Register a cluster');
  await choose(page, 'Project', 'acme');
  await page.getByLabel('Cluster name').fill(name);
  await choose(page, 'Provider', 'gcp');
  await page.getByLabel('Region').fill('europe-west1');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const open = page.getByRole('link', { name: 'Open the fleet' });
  await expect(open).toBeVisible({ timeout: 120_000 });
  await page.goto('/slices');
  await expect(page.getByText(name).first()).toBeVisible({ timeout: 60_000 });
});

test('the "Export a service" template hands out the ServiceExport where the portal may not write; applied, the service is on the slice', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const name = uniqueName('tplsvc');
  await openTemplate(page, 'Export a service on a slice');
  await choose(page, 'Project', 'arcade');
  await page.getByTestId('slice-picker').getByRole('button').click();
  await page.getByRole('option', { name: /pacman \(arcade\)/ }).click();
  await page.getByLabel('Cluster it runs on').fill('gcp-west');
  await page.getByLabel('Namespace').fill('pacman');
  await page.getByLabel('Service name').fill(name);
  await page.getByLabel('Container port').fill('8080');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('link', { name: 'Open the slice' })).toBeVisible({
    timeout: 120_000,
  });
  // The demo's portal has no write access to the workers: the run's output is the manifest.
  const manifest = await page
    .locator('pre, code')
    .filter({ hasText: 'kind: ServiceExport' })
    .first()
    .innerText();
  expect(manifest).toContain(`name: ${name}`);
  await shot(page, 'export');
  try {
    onCluster('gcp-west', ['apply', '-f', '-'], manifest);
    await page.goto('/slices/demo/arcade/pacman/services');
    await expect(page.getByText(name).first()).toBeVisible({
      timeout: 60_000,
    });
  } finally {
    onCluster('gcp-west', [
      'delete',
      'serviceexports.networking.kubeslice.io',
      '-n',
      'pacman',
      name,
      '--ignore-not-found',
    ]);
  }
});

import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { shots } from './shots';
import { signIn } from './signIn';

/*
 * A platform engineer registers a cluster through the wizard: project and name → provider,
 * region and location (typed, then picked on the map) → node IPs and interface → review →
 * apply. The Cluster is created on the hub; the simulator's controller issues the worker's
 * Secret, so the install values come as a Helm values file and command (copy, download);
 * no worker runs for a new cluster in the simulator, so its registrationStatus stays empty
 * and the wizard keeps waiting for Registered — which is what is asserted.
 *
 * The Cluster is deleted again afterwards (the simulator's controller drops its finalizer):
 * the fleet journeys count the demo's clusters.
 */
const shot = shots('register');

const KUBECONFIG =
  process.env.SLICE_DEMO_KUBECONFIG ?? '.fleet-sim/demo-kubeconfig';
const kubectl = (...args: string[]) =>
  execFileSync(
    'kubectl',
    ['--kubeconfig', KUBECONFIG, '--context', 'hub', ...args],
    { stdio: 'pipe', encoding: 'utf8' },
  );

const name = `e2e-${Date.now().toString(36)}`;
const next = (page: Page) => page.getByTestId('wizard-next').click();

test.afterAll(() => {
  kubectl(
    'delete',
    'cluster',
    '-n',
    'kubeslice-arcade',
    name,
    '--ignore-not-found',
    '--wait=true',
    '--timeout=60s',
  );
});

test('a platform engineer registers a cluster and is shown its install values', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, '/slices', 'Platform engineer');
  await page.getByTestId('register-cluster-button').click();
  await expect(page).toHaveURL(/\/slices\/register-cluster$/);

  // Project and name: Next says what is missing until both are there.
  const nextButton = page.getByTestId('wizard-next');
  await expect(nextButton).toBeDisabled();
  await expect(page.getByTestId('wizard-blocker')).toContainText(
    'Choose the project',
  );
  await page.getByTestId('project-select').click();
  await page.getByRole('option', { name: 'arcade', exact: true }).click();
  await page.getByTestId('cluster-name').fill('aws-east');
  await expect(page.getByTestId('wizard-blocker')).toContainText(
    'Project arcade already has a cluster aws-east',
  );
  await shot(page, '1-cluster-taken');
  await page.getByTestId('cluster-name').fill(name);
  await expect(nextButton).toBeEnabled();
  await shot(page, '2-cluster');
  await next(page);

  // Location: a pasted "lat, lon" fills both fields; then a point picked on the map.
  await page.getByTestId('cluster-provider').fill('on-prem');
  await page.getByTestId('cluster-region').fill('eu-west-1');
  await page.getByTestId('cluster-latitude').fill('95');
  await expect(nextButton).toBeDisabled();
  await expect(page.getByTestId('wizard-blocker')).toContainText('coordinates');
  await shot(page, '3-location-invalid');
  await page.getByTestId('cluster-latitude').fill('52.37, 4.89');
  await expect(page.getByTestId('cluster-latitude')).toHaveValue('52.37');
  await expect(page.getByTestId('cluster-longitude')).toHaveValue('4.89');
  await page.getByRole('button', { name: 'Clear location' }).click();
  await expect(page.getByTestId('cluster-latitude')).toHaveValue('');
  const map = page.getByTestId('fleet-map');
  const box = (await map.boundingBox())!;
  await map.click({
    position: { x: box.width * 0.5, y: box.height * 0.35 },
  });
  await expect(page.getByTestId('cluster-latitude')).toHaveValue(/^-?\d+/);
  await expect(page.getByTestId('cluster-longitude')).toHaveValue(/^-?\d+/);
  const latitude = await page.getByTestId('cluster-latitude').inputValue();
  await expect(nextButton).toBeEnabled();
  await shot(page, '4-location');
  await next(page);

  // Network: gateway node IPs and the interface.
  await page.getByTestId('node-ips').fill('10.20.0.5, 10.20.0.6');
  await page.getByTestId('network-interface').fill('eth0');
  await shot(page, '5-network');
  await next(page);

  // Review: the Cluster as it will be written, checked by a dry run.
  const review = page.getByTestId('review');
  await expect(review).toContainText('kind: Cluster');
  await expect(review).toContainText(`name: ${name}`);
  await expect(review).toContainText('10.20.0.5');
  await expect(review).toContainText(`latitude: '${latitude}'`);
  await shot(page, '6-review');
  await page.getByRole('button', { name: 'Apply' }).click();

  // The install values: a Helm values file and the command, each with Copy; the file downloads.
  const values = page.getByTestId('values-file');
  await expect(values).toContainText(`name: ${name}`, { timeout: 60_000 });
  await expect(values).toContainText('controllerSecret:');
  await expect(values).toContainText('token:');
  const command = page.getByTestId('install-command');
  await expect(command).toContainText('helm repo add');
  await expect(command).toContainText(
    'helm install kubeslice-worker kubeslice/kubeslice-worker',
  );
  await expect(command).toContainText('-f worker-values.yaml');
  // Nothing runs past the page's right edge (a long ca.crt line once widened the page).
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map(
        e =>
          `${e.tagName}.${String(e.className).slice(0, 60)} ${Math.round(
            e.getBoundingClientRect().right,
          )}`,
      )
      .slice(0, 8),
  );
  expect(overflowing).toEqual([]);
  const download = page.waitForEvent('download');
  await values.getByRole('button', { name: /^Download / }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('worker-values.yaml');
  expect(readFileSync(await file.path(), 'utf8')).toContain(`name: ${name}`);
  await command.getByRole('button', { name: 'Copy' }).click();
  await expect(command.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'helm repo add',
  );

  // No worker is installed: the Cluster exists with its Secret issued and no registration status,
  // and the wizard keeps waiting for the worker to report Registered.
  const wait = page.getByTestId('registration-wait');
  await expect(wait).toHaveAttribute('data-state', 'waiting');
  await expect(wait).toContainText(
    'Waiting for the worker to report Registered',
  );
  const status = JSON.parse(
    kubectl('get', 'cluster', '-n', 'kubeslice-arcade', name, '-o', 'json'),
  ).status;
  expect(status?.secretName).toBe(`kubeslice-rbac-worker-${name}`);
  expect(status?.registrationStatus).toBeUndefined();
  await shot(page, '7-install-values');
});

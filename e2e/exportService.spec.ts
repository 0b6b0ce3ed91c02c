import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { shots } from './shots';
import { signIn } from './signIn';

/*
 * A platform engineer exports a service of the leaderboard slice (aws-east, edge-nyc) from
 * the slice's Services tab. The demo's portal has no write access to workers, so the wizard
 * hands out the ServiceExport manifest and shows the export's checklist live: nothing is
 * exported yet. The manifest it handed out is then applied on aws-east, as the user would,
 * and the checklist follows until the import is READY on every member.
 *
 * The export is named for this run (a re-run passes) and removed again afterwards.
 */
const shot = shots('export');

const KUBECONFIG =
  process.env.SLICE_DEMO_KUBECONFIG ?? '.fleet-sim/demo-kubeconfig';
const onAwsEast = (args: string[], input?: string) =>
  execFileSync(
    'kubectl',
    ['--kubeconfig', KUBECONFIG, '--context', 'aws-east', ...args],
    { stdio: 'pipe', encoding: 'utf8', input },
  );

const name = `e2e-${Date.now().toString(36)}`;

test.afterAll(() => {
  onAwsEast([
    'delete',
    'serviceexport',
    '-n',
    'leaderboard',
    name,
    '--ignore-not-found',
  ]);
});

test('a platform engineer exports a service from the Services tab and follows its checklist', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, '/slices/demo/arcade/leaderboard', 'Platform engineer');
  await page.getByRole('tab', { name: 'Services' }).click();
  await page.getByTestId('export-service-button').click();
  await expect(page).toHaveURL(/\/slices\/demo\/arcade\/leaderboard\/export$/);

  // Service: Next says what is missing until cluster, namespace, name and pods are given.
  const nextButton = page.getByTestId('wizard-next');
  const blocker = page.getByTestId('wizard-blocker');
  await expect(nextButton).toBeDisabled();
  await expect(blocker).toContainText('Choose the cluster');
  await shot(page, '1-service-empty');
  await page.getByTestId('export-cluster').click();
  await page.getByRole('option', { name: 'aws-east', exact: true }).click();
  await expect(blocker).toContainText('namespace');
  await page.getByTestId('export-namespace').fill('leaderboard');
  await expect(page.getByTestId('export-namespace-help')).toHaveText(
    'onboarded on aws-east',
  );
  await page.getByTestId('export-name').fill(name);
  // The selector follows the name until it is changed: these pods are app=scores.
  await page.getByTestId('export-selector').fill('app:scores');
  await expect(nextButton).toBeDisabled();
  await expect(blocker).toContainText(
    'Fix the pod labels: "app:scores" is not key=value',
  );
  await page.getByTestId('export-selector').fill('app=scores');
  await expect(nextButton).toBeEnabled();
  await shot(page, '2-service');
  await nextButton.click();

  // Ports: a container port is needed, and Next says so.
  await expect(nextButton).toBeDisabled();
  await expect(blocker).toContainText('container port');
  await shot(page, '3-ports-empty');
  await page.getByTestId('port-container-0').fill('8080');
  await expect(nextButton).toBeEnabled();
  await shot(page, '4-ports');
  await nextButton.click();

  // Aliases: none; the name it will answer on.
  await expect(page.getByTestId('export-dns-names')).toHaveText(
    `${name}.leaderboard.svc.slice.local`,
  );
  await shot(page, '5-aliases');
  await nextButton.click();

  // Review: the portal may not write to aws-east, so the manifest is to be applied there.
  await expect(page.getByTestId('manifest-only')).toContainText(
    'no write access to aws-east',
  );
  const review = page.getByTestId('review');
  await expect(review).toContainText('kind: ServiceExport');
  await expect(review).toContainText(`name: ${name}`);
  await expect(review).toContainText('slice: leaderboard');
  await shot(page, '6-review');
  await page.getByRole('button', { name: 'Apply' }).click();

  // The manifest handed out, and the checklist: nothing exported yet.
  const manifest = page.getByTestId('export-manifest');
  await expect(manifest).toContainText('kind: ServiceExport');
  const live = page.getByTestId('export-live');
  await expect(live).toHaveAttribute('data-ready', 'false');
  await expect(page.getByTestId('check-export')).toHaveAttribute(
    'data-ok',
    'false',
  );
  await shot(page, '7-manifest');

  // Applied on aws-east as handed out (the downloaded file), the export becomes READY everywhere.
  const download = page.waitForEvent('download');
  await manifest
    .getByRole('button', { name: 'Download serviceexport.yaml' })
    .click();
  const file = await (await download).path();
  onAwsEast(['apply', '-f', file]);
  await expect(live).toHaveAttribute('data-ready', 'true', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('export-ready')).toBeVisible();
  await expect(page.getByTestId('check-export')).toHaveAttribute(
    'data-ok',
    'true',
  );
  await expect(page.getByTestId('check-imports')).toHaveAttribute(
    'data-ok',
    'true',
  );
  await shot(page, '8-ready');
});

import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { signIn } from './signIn';

/*
 * Fault injection against the running demo with the simulator's own CLI: azure-eu goes down,
 * the pacman slice's tunnels to it turn DOWN (red) and its health Error; brought back up, it
 * recovers. The UI is not reloaded: what changes arrives through its polling (every 15 s).
 */
const CLUSTER = 'azure-eu';

function fault(action: 'down' | 'up') {
  execFileSync(
    process.execPath,
    [
      'packages/fleet-sim/bin/fleet-sim',
      'fault',
      action,
      CLUSTER,
      '--kubeconfig',
      // scripts/test.sh gives the journeys a demo of their own and says where its kubeconfig is.
      process.env.SLICE_DEMO_KUBECONFIG ?? '.fleet-sim/demo-kubeconfig',
    ],
    { stdio: 'pipe' },
  );
}

const POLL = { timeout: 60_000 };
// tunnelColor('DOWN') is the theme's error colour: palette.status.error of Backstage's light theme.
const RED_HEX = '#E22134';
const RED = 'rgb(226, 33, 52)';

async function shot(page: Page, name: string) {
  await page.screenshot({
    path: `artifacts/screenshots/${name}.png`,
    fullPage: true,
  });
}

test.describe('a cluster of the pacman slice goes down and comes back', () => {
  test.setTimeout(240_000);
  test.afterEach(() => {
    // Never leave the demo broken, whatever happened in the test.
    fault('up');
  });

  test('tunnels to azure-eu turn red/DOWN and the slice Error, then recover', async ({
    page,
  }) => {
    await signIn(
      page,
      '/slices/demo/arcade/pacman/topology',
      'Platform engineer',
    );
    const header = page.locator('header').first();
    const toAzure = [
      page.getByTestId('edge-tunnel:aws-east|azure-eu'),
      page.getByTestId('edge-tunnel:azure-eu|gcp-west'),
    ];
    const unaffected = page.getByTestId('edge-tunnel:aws-east|gcp-west');
    for (const edge of [...toAzure, unaffected]) {
      await expect(edge).toHaveAttribute('data-state', 'UP');
    }
    await expect(header.getByText('Healthy', { exact: true })).toBeVisible();

    fault('down');
    for (const edge of toAzure) {
      await expect(edge).toHaveAttribute('data-state', 'DOWN', POLL);
      await expect(edge.locator('line').nth(1)).toHaveCSS('stroke', RED);
    }
    await expect(unaffected).toHaveAttribute('data-state', 'UP');
    await expect(header.getByText('Error', { exact: true })).toBeVisible(POLL);
    await shot(page, 'fault-topology-down');

    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('slice-health')).toContainText('Error');
    await expect(page.getByTestId('slice-health')).toContainText(
      'tunnel aws-east↔azure-eu DOWN',
    );
    await shot(page, 'fault-overview-down');

    // The fleet map shows the same tunnels red.
    await page.getByRole('link', { name: 'Slices' }).first().click();
    const mapTunnel = page.getByTestId('map-tunnel-pacman-aws-east|azure-eu');
    await expect(mapTunnel).toHaveAttribute('data-state', 'DOWN', POLL);
    await expect(mapTunnel).toHaveAttribute('stroke', RED_HEX);
    await shot(page, 'fault-fleet-down');

    fault('up');
    await expect(mapTunnel).toHaveAttribute('data-state', 'UP', POLL);
    await page.goto('/slices/demo/arcade/pacman/topology');
    for (const edge of toAzure) {
      await expect(edge).toHaveAttribute('data-state', 'UP', POLL);
    }
    await expect(header.getByText('Healthy', { exact: true })).toBeVisible(
      POLL,
    );
    await shot(page, 'fault-topology-recovered');
  });
});

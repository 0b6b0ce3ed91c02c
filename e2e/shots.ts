import type { Page } from '@playwright/test';

/**
 * Screenshots of the journeys' steps, for looking at what a change did to the pages:
 * `<SLICE_E2E_SHOTS or artifacts/screenshots>/<journey>-<step>.png`, full page.
 */
export function shots(journey: string) {
  const dir = process.env.SLICE_E2E_SHOTS ?? 'artifacts/screenshots';
  return (page: Page, step: string) =>
    page.screenshot({ path: `${dir}/${journey}-${step}.png`, fullPage: true });
}

import type { Page } from '@playwright/test';

/** The demo's sign-in choices (demo only: examples/app's DemoSignInPage). */
export type DemoRole =
  | 'Platform engineer'
  | 'Tenant (acme)'
  | 'Tenant (arcade)';

/** A fresh browser context always starts at the demo's sign-in page. */
export async function signIn(page: Page, path: string, role: DemoRole) {
  await page.goto(path);
  await page.getByRole('button', { name: `Sign in as ${role}` }).click();
}

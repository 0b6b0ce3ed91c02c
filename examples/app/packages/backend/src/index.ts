/*
 * The example Backstage backend of Slice Portal: catalog (with slices and clusters as entities),
 * scaffolder (with the kubeslice actions), guest and demo-user sign-in, permissions (with the
 * demo's tenancy policy) and the slice plugin, configured by examples/app/app-config.yaml.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// DEMO ONLY: sign in as a platform engineer or a tenant user without credentials.
backend.add(import('./demoUserAuth'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@slice-portal/plugin-catalog-backend-module-slice'));
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@slice-portal/plugin-scaffolder-backend-module-slice'));
// DEMO ONLY: commits a template's rendered manifests to the demo's local git repository.
backend.add(import('./demoGitCommit'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./slicePolicy'));
backend.add(import('@slice-portal/plugin-slice-backend'));
// AI clients reach the slice plugin's actions as MCP tools at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();

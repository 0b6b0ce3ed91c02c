import express from 'express';
import Router from 'express-promise-router';
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { sliceFleetReadPermission } from '@slice-portal/plugin-slice-common';
import type { FleetService } from './service/FleetService';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  fleet: FleetService;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, fleet } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/fleet', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: sliceFleetReadPermission }],
      {
        credentials,
      },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You are not allowed to read the slice fleet (kubeslice.fleet.read)',
      );
    }
    res.json(fleet.fleet());
  });

  return router;
}

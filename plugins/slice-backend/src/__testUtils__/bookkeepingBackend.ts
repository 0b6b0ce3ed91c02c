import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import type { PluginKnex } from '../database/codeMigrations';
import { slicePlugin } from '../plugin';
import { tenantAwarePermissions } from './tenantPermissions';

export const TENANT = 'user:default/alice';

/**
 * The slice plugin in a test backend without hubs, on a SQLite database the test can also
 * write to (to seed operations and audit rows as the write path would). `TENANT` owns
 * project `acme`; every other user reads everything.
 */
export async function startBookkeepingBackend(databases: TestDatabases) {
  const knex: PluginKnex = await databases.init('SQLITE_3');
  const backend = await startTestBackend({
    features: [
      slicePlugin,
      tenantAwarePermissions(TENANT),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          slice: {
            hubs: [],
            tenancy: {
              platformGroups: ['group:default/platform-team'],
              projects: { acme: [TENANT] },
            },
          },
        },
      }),
    ],
  });
  const get = (path: string, as?: 'tenant' | 'none') => {
    const req = request(backend.server).get(`/api/slice${path}`);
    if (as === 'tenant')
      return req.set('Authorization', mockCredentials.user.header(TENANT));
    if (as === 'none')
      return req.set('Authorization', mockCredentials.none.header());
    return req;
  };
  return { knex, backend, get };
}

import { TestDatabases } from '@backstage/backend-test-utils';

type TestDatabaseId = NonNullable<
  NonNullable<Parameters<typeof TestDatabases.create>[0]>['ids']
>[number];

/**
 * SQLite always; PostgreSQL too when a server is given the way Backstage's test utilities
 * take one (`BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://...`),
 * so the plugin's tables are proven portable wherever a PostgreSQL is at hand, without
 * making every run need one (or Docker).
 */
export function pluginTestDatabases(): TestDatabases {
  const postgres = (
    Object.entries({
      POSTGRES_15: 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
      POSTGRES_16: 'BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING',
      POSTGRES_17: 'BACKSTAGE_TEST_DATABASE_POSTGRES17_CONNECTION_STRING',
    } as const) as [TestDatabaseId, string][]
  )
    .filter(([, variable]) => process.env[variable])
    .map(([id]) => id);
  return TestDatabases.create({ ids: ['SQLITE_3', ...postgres] });
}

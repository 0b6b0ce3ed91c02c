import { mockServices } from '@backstage/backend-test-utils';
import {
  DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy,
  SchemaValidEntityPolicy,
  resourceEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  START_TIMEOUT_MS,
  startSliceTestBackend,
  type SliceTestBackend,
} from '@slice-portal/plugin-slice-backend/testUtils';
import { projectOwners } from './owners';
import { SliceEntityProvider } from './SliceEntityProvider';
import { ConfigReader } from '@backstage/config';

/** The provider against a real slice backend over the fleet simulator, its mutations recorded. */
describe('SliceEntityProvider', () => {
  let fleet: SliceTestBackend;
  let provider: SliceEntityProvider;
  const mutations: Entity[][] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      if (mutation.type !== 'full') throw new Error('expected a full mutation');
      mutations.push(mutation.entities.map(e => e.entity));
    },
    refresh: async () => {},
  };
  const last = () => mutations[mutations.length - 1];
  const byName = (name: string) => last().find(e => e.metadata.name === name);
  const ownerOf = projectOwners(
    new ConfigReader({
      slice: {
        tenancy: {
          platformGroups: ['group:default/platform-team'],
          projects: { arcade: ['group:default/team-arcade'] },
        },
      },
    }),
  );

  beforeAll(async () => {
    fleet = await startSliceTestBackend();
    provider = new SliceEntityProvider({
      hub: 'demo',
      discovery: { getBaseUrl: async () => fleet.baseUrl },
      auth: mockServices.auth({ pluginId: 'catalog' }),
      logger: mockServices.logger.mock(),
      // The catalog's scheduler runs the refresh; here it runs once, at connect.
      taskRunner: {
        run: async ({ fn }) => fn(new AbortController().signal as any),
      },
      ownerOf,
      appBaseUrl: 'http://portal.test',
    });
    await provider.connect(connection);
  }, START_TIMEOUT_MS);
  afterAll(() => fleet?.stop(), 30_000);

  it('emits every slice and worker cluster of the hub as entities the catalog accepts', async () => {
    const entities = last();
    expect(
      entities
        .filter(e => e.spec?.type === 'kubeslice-slice')
        .map(e => e.metadata.name)
        .sort(),
    ).toEqual([
      'demo.acme.analytics',
      'demo.acme.payments',
      'demo.arcade.leaderboard',
      'demo.arcade.pacman',
    ]);
    expect(
      entities.filter(e => e.spec?.type === 'kubernetes-cluster'),
    ).toHaveLength(7);
    const policies = [
      new DefaultNamespaceEntityPolicy(),
      new FieldFormatEntityPolicy(),
      new SchemaValidEntityPolicy(),
    ];
    for (const entity of entities) {
      let checked: Entity | undefined = entity;
      for (const policy of policies) checked = await policy.enforce(checked!);
      expect(await resourceEntityV1alpha1Validator.check(checked!)).toBe(true);
    }
  });

  it('relates each slice to its member clusters, links its page and annotates it for the entity tab', () => {
    expect(byName('demo.arcade.pacman')).toMatchObject({
      metadata: {
        annotations: {
          'kubeslice.io/slice': 'demo/arcade/pacman',
          'backstage.io/managed-by-location': 'kubeslice-hub:demo',
          'backstage.io/view-url':
            'http://portal.test/slices/demo/arcade/pacman',
        },
        links: [{ url: 'http://portal.test/slices/demo/arcade/pacman' }],
      },
      spec: {
        dependsOn: [
          'resource:default/demo.aws-east',
          'resource:default/demo.gcp-west',
          'resource:default/demo.azure-eu',
        ],
      },
    });
    expect(byName('demo.aws-east')?.metadata.annotations).toMatchObject({
      'kubeslice.io/cluster': 'demo/aws-east',
    });
  });

  it('gives ownership from tenancy, and the platform group what has no tenant', () => {
    expect(byName('demo.arcade.pacman')?.spec?.owner).toBe(
      'group:default/team-arcade',
    );
    expect(byName('demo.gcp-west')?.spec?.owner).toBe(
      'group:default/team-arcade',
    );
    expect(byName('demo.acme.payments')?.spec?.owner).toBe(
      'group:default/platform-team',
    );
  });

  it('drops the entity of a slice that is gone from the hub on the next refresh', async () => {
    // Straight from the hub's store: the controller's webhook would first want the
    // namespaces offboarded (the portal's guided delete does that).
    const hub = fleet.sim.cluster('hub')!;
    hub.store.delete(
      hub.resourceType('sliceconfigs', 'controller.kubeslice.io'),
      'kubeslice-acme',
      'analytics',
    );
    for (let i = 0; i < 200 && byName('demo.acme.analytics'); i++) {
      await new Promise(r => setTimeout(r, 150));
      await provider.refresh();
    }
    expect(byName('demo.acme.analytics')).toBeUndefined();
    expect(byName('demo.acme.payments')).toBeDefined();
    expect(provider.knownSlices().map(s => s.name)).not.toContain('analytics');
  });

  it('keeps the last entities when the fleet cannot be read', async () => {
    const count = mutations.length;
    const broken = new SliceEntityProvider({
      hub: 'no-such-hub',
      discovery: { getBaseUrl: async () => fleet.baseUrl },
      auth: mockServices.auth({ pluginId: 'catalog' }),
      logger: mockServices.logger.mock(),
      taskRunner: {
        run: async ({ fn }) => fn(new AbortController().signal as any),
      },
      ownerOf,
      appBaseUrl: 'http://portal.test',
    });
    await broken.connect(connection);
    await expect(broken.refresh()).rejects.toThrow(/no hub no-such-hub/);
    expect(mutations).toHaveLength(count);
  });
});

import type {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type {
  ApiSchema,
  SliceEntityKey,
} from '@slice-portal/plugin-slice-common';
import { SliceApiClient } from '@slice-portal/plugin-slice-node';
import { fleetEntities } from './entities';

type FleetResponse = ApiSchema<'FleetResponse'>;

export interface SliceEntityProviderOptions {
  hub: string;
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials' | 'getPluginRequestToken'>;
  logger: LoggerService;
  /** When to refresh; each run replaces all of the hub's entities (full mutation). */
  taskRunner: SchedulerServiceTaskRunner;
  ownerOf(project: string): string;
  appBaseUrl: string;
}

/**
 * Slices and worker clusters of one hub as catalog entities, read from the slice backend's
 * API (`GET /v1/fleet`, as the catalog's own service identity) on a schedule. Each refresh is
 * a full mutation, so a slice or cluster that is gone from the hub is gone from the catalog.
 * A refresh that fails leaves the last entities in place.
 */
export class SliceEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private slices: SliceEntityKey[] = [];

  private readonly client: SliceApiClient;

  constructor(private readonly options: SliceEntityProviderOptions) {
    this.client = new SliceApiClient(options);
  }

  getProviderName(): string {
    return `kubeslice-hub:${this.options.hub}`;
  }

  /** The hub's slices as of the last refresh (for the annotation processor). */
  knownSlices(): readonly SliceEntityKey[] {
    return this.slices;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
        } catch (error) {
          this.options.logger.warn(
            `${this.getProviderName()}: could not read the fleet, keeping the last entities: ${
              (error as Error)?.message ?? error
            }`,
          );
        }
      },
    });
  }

  /** Reads the fleet and replaces the hub's entities; throws when the fleet cannot be read. */
  async refresh(): Promise<void> {
    if (!this.connection)
      throw new Error(`${this.getProviderName()} is not connected`);
    const fleet = await this.readFleet();
    const entities = fleetEntities({
      fleet,
      hub: this.options.hub,
      ownerOf: this.options.ownerOf,
      appBaseUrl: this.options.appBaseUrl,
      locationKey: this.getProviderName(),
    });
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
    this.slices = fleet.slices.filter(s => s.hub === this.options.hub);
    this.options.logger.info(
      `${this.getProviderName()}: ${entities.length} entities (${
        this.slices.length
      } slices)`,
    );
  }

  private async readFleet(): Promise<FleetResponse> {
    const { auth } = this.options;
    const fleet = await this.client.call<FleetResponse>({
      method: 'GET',
      path: '/v1/fleet',
      credentials: await auth.getOwnServiceCredentials(),
    });
    const hub = fleet.hubs.find(h => h.name === this.options.hub);
    if (!hub)
      throw new Error(`the slice backend has no hub ${this.options.hub}`);
    // A hub that has not synced yet has no slices to tell; replacing the entities with
    // nothing would delete them all until it has.
    if (hub.sync.state === 'pending' || hub.sync.state === 'unreachable') {
      throw new Error(`hub ${this.options.hub} is ${hub.sync.state}`);
    }
    return fleet;
  }
}

import type {
  FleetSnapshot,
  HubObjects,
  WorkerSliceConfigObject,
} from '@slice-portal/plugin-slice-common';
import type { TrackedFleet } from '../operations/OperationTracker';

/**
 * A fleet for operation tracker tests: hub objects the test edits, a change event the test
 * fires (as a watch would), and counters of how often the tracker looked.
 */
export class FakeTrackedFleet implements TrackedFleet {
  readonly hubs = new Map<string, HubObjects>();
  private readonly listeners = new Set<() => void>();
  snapshotReads = 0;
  hubReads = 0;

  constructor(hubNames: string[] = ['prod']) {
    for (const name of hubNames) this.hubs.set(name, emptyHub(name));
  }

  snapshot(): FleetSnapshot {
    this.snapshotReads += 1;
    return {
      generatedAt: new Date(0).toISOString(),
      hubs: [],
      clusters: [],
      slices: [],
      events: [],
      errors: [],
    };
  }

  hubObjects(name: string): HubObjects | undefined {
    this.hubReads += 1;
    return this.hubs.get(name);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  /** Edits a hub's objects and tells the listeners, as a watch event does. */
  change(hub: string, edit: (objects: HubObjects) => void): void {
    edit(this.hubs.get(hub)!);
    for (const listener of this.listeners) listener();
  }

  /** Sets a WorkerSliceConfig's onboarded namespaces (creating the object). */
  setOnboarded(options: {
    hub?: string;
    slice: string;
    cluster: string;
    namespaces: string[];
  }): void {
    this.change(options.hub ?? 'prod', objects => {
      const name = `${options.slice}-${options.cluster}`;
      const others = objects.workerSliceConfigs.filter(
        w => w.metadata?.name !== name,
      );
      const wsc: WorkerSliceConfigObject = {
        metadata: {
          name,
          namespace: 'kubeslice-acme',
          labels: {
            'original-slice-name': options.slice,
            'worker-cluster': options.cluster,
          },
        },
        spec: { sliceName: options.slice },
        status: {
          onboardedAppNamespaces: options.namespaces.map(n => ({ name: n })),
        },
      };
      objects.workerSliceConfigs = [...others, wsc];
    });
  }
}

export function emptyHub(name: string): HubObjects {
  return {
    name,
    title: name,
    sync: { state: 'ok' },
    errors: [],
    projects: [],
    clusters: [],
    sliceConfigs: [],
    workerSliceConfigs: [],
  };
}

import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { PACKAGE_ROOT } from '../paths';
import type { EventSchema } from '../scenario/events';

/**
 * The full upstream event catalogue (the controller's and the worker
 * operator's event schema files, copied byte-for-byte into `events/`), so
 * every event the emulation records carries the real name, reason, type,
 * action and message instead of a hand-typed approximation.
 */

export const BUNDLED_EVENT_DIR = path.join(PACKAGE_ROOT, 'events');

interface RawSchema {
  name: string;
  reason: string;
  action: string;
  type: 'Normal' | 'Warning';
  message: string;
  reportingController: string;
}

let cached: Map<string, EventSchema> | undefined;
/** Names both catalogues define (e.g. `WorkerSliceConfigUpdated`): the controller's entry. */
let controllerOnly: Map<string, EventSchema> | undefined;

function load(): Map<string, EventSchema> {
  const out = new Map<string, EventSchema>();
  controllerOnly = new Map();
  for (const [file, controller] of [
    ['controller.yaml', 'controller'],
    ['worker-events.yaml', 'workerOperator'],
  ] as const) {
    const doc = yaml.load(
      fs.readFileSync(path.join(BUNDLED_EVENT_DIR, file), 'utf8'),
    ) as { events: RawSchema[] };
    for (const e of doc.events) {
      if (controller === 'controller' && !controllerOnly.has(e.name))
        controllerOnly.set(e.name, {
          name: e.name,
          reason: e.reason,
          action: e.action,
          type: e.type,
          message: e.message,
          reportingController: controller,
        });
      // The worker's recorder reports as `workerOperator` (the curried metrics label too).
      out.set(e.name, {
        name: e.name,
        reason: e.reason,
        action: e.action,
        type: e.type,
        message: e.message,
        reportingController: controller,
      });
    }
  }
  return out;
}

/** The schema of a catalogued event; throws for a name that is not in the catalogue. */
export function eventSchema(
  name: string,
  source?: 'controller' | 'workerOperator',
): EventSchema {
  cached ??= load();
  const s =
    source === 'controller' ? controllerOnly!.get(name) : cached.get(name);
  if (!s) throw new Error(`event ${name} is not in the KubeSlice catalogue`);
  return s;
}

export function catalogueSize(): number {
  cached ??= load();
  return cached.size;
}

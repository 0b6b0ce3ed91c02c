import type { FleetRuntime } from '../emulation/FleetRuntime';
import type { ApiServer } from '../server/ApiServer';
import { controlApiHandler } from './controlApi';
import { FaultController } from './FaultController';
import type { FaultState } from './FaultState';

/**
 * Connects the fault state to a running simulator: the API server consults
 * it before every request (down clusters, API faults), ends watches when a
 * fault asks for it, and serves the control API under `/sim/v1/`.
 */
export function installFaults(options: {
  server: ApiServer;
  runtime: FleetRuntime;
  state: FaultState;
  /** One worker status round (`POST /sim/v1/refresh`). */
  refresh: () => void;
}): FaultController {
  const { server, state } = options;
  const faults = new FaultController({
    state,
    runtime: options.runtime,
    closeWatches: name => server.closeWatches(name),
  });
  server.setRequestGate(request => state.nextRequest(request));
  server.addHandler(
    '/sim/v1/',
    controlApiHandler(server, faults, options.refresh),
  );
  return faults;
}

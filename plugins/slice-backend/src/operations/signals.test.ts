import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import request from 'supertest';
import { slicePlugin } from '../plugin';
import {
  operationChannel,
  signalsOperationNotifier,
  sliceOperationsExtensionPoint,
  sliceSignalsModule,
} from './signals';
import type { Operation, OperationNotifier } from './types';

const operation: Operation = {
  id: 'b7c1d3e0-0000-4000-8000-000000000001',
  kind: 'namespace.onboard',
  target: { hub: 'prod', project: 'acme', slice: 'payments' },
  actor: 'user:default/alice',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:01.000Z',
  state: 'running',
  steps: [{ id: 'aws', title: 'ledger on aws', state: 'running' }],
};

describe('operation signals', () => {
  it('publishes each update to the actor on slice:operation:<id>, as plain JSON', async () => {
    const publish = jest.fn(async () => undefined);
    await signalsOperationNotifier({ publish }).notify({
      ...operation,
      reason: undefined,
    });
    expect(publish).toHaveBeenCalledWith({
      recipients: { type: 'user', entityRef: 'user:default/alice' },
      channel: `slice:operation:${operation.id}`,
      message: operation,
    });
    expect(
      Object.keys((publish.mock.calls[0] as any)[0].message),
    ).not.toContain('reason');
    expect(operationChannel('x')).toBe('slice:operation:x');
  });

  it('does not publish to service principals, which cannot receive signals', async () => {
    const publish = jest.fn(async () => undefined);
    await signalsOperationNotifier({ publish }).notify({
      ...operation,
      actor: 'plugin:scaffolder',
    });
    expect(publish).not.toHaveBeenCalled();
  });

  it('the module hands the plugin a signals notifier through its extension point', async () => {
    const added: OperationNotifier[] = [];
    const publish = jest.fn(async () => undefined);
    // Stands in for the plugin: records what modules add.
    const probe = createBackendPlugin({
      pluginId: 'slice',
      register(env) {
        env.registerExtensionPoint(sliceOperationsExtensionPoint, {
          addNotifier: n => {
            added.push(n);
          },
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    const backend = await startTestBackend({
      features: [
        probe,
        sliceSignalsModule,
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish }),
        }),
      ],
    });
    expect(added).toHaveLength(1);
    await added[0].notify(operation);
    expect(publish).toHaveBeenCalledWith(
      expect.objectContaining({ channel: `slice:operation:${operation.id}` }),
    );
    await backend.stop();
  });

  it('the plugin starts with the module and a signals service, and without either', async () => {
    const config = mockServices.rootConfig.factory({
      data: { slice: { hubs: [] } },
    });
    const withSignals = await startTestBackend({
      features: [
        slicePlugin,
        sliceSignalsModule,
        config,
        createServiceFactory({
          service: signalsServiceRef,
          deps: {},
          factory: () => ({ publish: async () => undefined }),
        }),
      ],
    });
    const health = await request(withSignals.server).get('/api/slice/health');
    expect(health.body).toEqual({ status: 'ok' });
    await withSignals.stop();
    // No signals (and no events service, which signals would need): still starts.
    const without = await startTestBackend({ features: [slicePlugin, config] });
    const alone = await request(without.server).get('/api/slice/health');
    expect(alone.body).toEqual({ status: 'ok' });
    await without.stop();
  });
});

import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { slicePlugin } from '../../plugin';
import { operation } from '../../__testUtils__/createSliceFixtures';
import { OperationProgress } from './OperationProgress';

const timing = { minMs: 5, maxMs: 10, maxOfflineMs: 10 };

describe('OperationProgress', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('keeps the last progress through a lost connection, says it is reconnecting, and follows it to done', async () => {
    const answers = [
      () =>
        HttpResponse.json(
          operation('running', [
            { id: 'members', title: 'Members ready', state: 'running' },
          ]),
        ),
      () => HttpResponse.error(),
      () => HttpResponse.error(),
      'hold',
      () =>
        HttpResponse.json(
          operation('done', [
            { id: 'members', title: 'Members ready', state: 'done' },
          ]),
        ),
    ] as const;
    let calls = 0;
    let release: () => void = () => {};
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    server.use(
      http.get('*/api/slice/v1/operations/op-1', async () => {
        const answer = answers[Math.min(calls++, answers.length - 1)];
        if (answer === 'hold') {
          await held;
          return HttpResponse.error();
        }
        return answer();
      }),
    );
    await renderInTestApp(
      <OperationProgress operationId="op-1" timing={timing}>
        {op => <div data-testid="after">{op.state}</div>}
      </OperationProgress>,
      { features: [slicePlugin] },
    );
    expect(await screen.findByTestId('reconnecting')).toBeInTheDocument();
    expect(screen.getByTestId('op-step-members')).toHaveTextContent(
      'Members ready — running',
    );
    release();
    await waitFor(() =>
      expect(screen.getByTestId('operation-progress')).toHaveAttribute(
        'data-state',
        'done',
      ),
    );
    expect(screen.queryByTestId('reconnecting')).not.toBeInTheDocument();
    expect(screen.getByTestId('after')).toHaveTextContent('done');
    const finalCalls = calls;
    await new Promise(r => setTimeout(r, 50));
    expect(calls).toBe(finalCalls); // stops polling once done
  });

  it('shows a failed operation with its reason', async () => {
    server.use(
      http.get('*/api/slice/v1/operations/op-1', () =>
        HttpResponse.json({
          ...operation('running', [
            { id: 'tunnels', title: 'Tunnels UP', state: 'failed' },
          ]),
          state: 'failed',
          reason: 'gateway pods crash-looping',
        }),
      ),
    );
    await renderInTestApp(
      <OperationProgress operationId="op-1" timing={timing} />,
      { features: [slicePlugin] },
    );
    expect(
      await screen.findByText('Failed: gateway pods crash-looping'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('op-step-tunnels')).toHaveTextContent('failed');
  });
});

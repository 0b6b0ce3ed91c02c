import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useLocation } from 'react-router-dom';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { getControl } from '../../__testUtils__/controls';
import { writeResult } from '../../__testUtils__/createSliceFixtures';
import {
  changeDetail,
  sliceOperation,
} from '../../__testUtils__/changeSliceFixtures';
import { SliceActions } from './SliceActions';

const BASE = '*/api/slice/v1';
const poll = { minMs: 5, maxMs: 10, maxOfflineMs: 10 };
const allow = mockApis.permission({ authorize: AuthorizeResult.ALLOW });
const onlyChange = mockApis.permission({
  authorize: req =>
    (req as { permission: { name: string } }).permission.name ===
    'kubeslice.slice.update'
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY,
});
const PLAN = [
  'Offboard pacman from every member',
  'Wait until every WorkerSliceConfig reports no onboarded namespace and no ServiceExportConfig of the slice remains',
  'Delete SliceConfig pacman',
];

function Where() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

describe('SliceActions (change and guided delete)', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const deletes: string[] = [];

  beforeEach(() => {
    deletes.length = 0;
  });

  const answerDelete = (
    answer: (dryRun: boolean, n: number) => Response | Promise<Response>,
  ) =>
    server.use(
      http.delete(`${BASE}/slices/demo/arcade/:name`, ({ request }) => {
        const url = new URL(request.url);
        deletes.push(url.search);
        return answer(
          url.searchParams.get('dryRun') === 'true',
          deletes.length,
        );
      }),
    );
  const dryRunAnswer = () =>
    HttpResponse.json({
      ...writeResult('kind: SliceConfig\n', [
        {
          path: 'metadata.name',
          code: 'delete.serviceExportsExist',
          message:
            'Services are still exported (mongo). The delete waits for them.',
          severity: 'warning',
        },
      ]),
      plan: PLAN,
    });

  const render = async (apis = [allow], name = 'pacman') => {
    const alertApi = mockApis.alert();
    await renderInTestApp(
      <>
        <SliceActions slice={{ ...changeDetail, name }} poll={poll} />
        <Where />
      </>,
      {
        features: [slicePlugin],
        apis: [...apis, alertApi],
        mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
        initialRouteEntries: [`/slices/demo/arcade/${name}`],
      },
    );
    return alertApi;
  };

  const openDelete = async () => {
    await waitFor(() =>
      expect(screen.getByTestId('slice-delete')).toBeEnabled(),
    );
    fireEvent.click(screen.getByTestId('slice-delete'));
    return screen.findByTestId('delete-dialog');
  };
  const typeName = (value: string) =>
    fireEvent.change(screen.getByTestId('delete-confirm-name'), {
      target: { value },
    });

  it('offers Change as a link to the wizard', async () => {
    await render();
    await waitFor(() =>
      expect(screen.getByTestId('slice-change')).not.toHaveAttribute(
        'aria-disabled',
        'true',
      ),
    );
    expect(screen.getByTestId('slice-change')).toHaveAttribute(
      'href',
      '/slices/demo/arcade/pacman/edit',
    );
  });

  it('a refused action is disabled, with the reason on hover', async () => {
    await render([onlyChange], 'galaga');
    await waitFor(() =>
      expect(screen.getByTestId('slice-delete')).toBeDisabled(),
    );
    fireEvent.mouseOver(screen.getByTestId('slice-delete-wrap'));
    expect(
      await screen.findByText(
        'You may not delete this slice (kubeslice.slice.delete).',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('slice-change')).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('names what will be removed, needs the name typed, then follows offboard → wait → delete back to the fleet with a message', async () => {
    answerDelete(dryRun =>
      dryRun
        ? dryRunAnswer()
        : HttpResponse.json(
            {
              ...writeResult('kind: SliceConfig\n'),
              dryRun: false,
              plan: PLAN,
              operation: sliceOperation('slice.delete', 'running', [
                {
                  id: 'offboard',
                  title: 'Offboard every namespace',
                  state: 'running',
                },
                { id: 'drained', title: 'Drained', state: 'pending' },
                { id: 'gone', title: 'Slice deleted', state: 'pending' },
              ]),
            },
            { status: 202 },
          ),
    );
    let polls = 0;
    server.use(
      http.get(`${BASE}/operations/op-9`, () => {
        polls++;
        const state = (n: number) => {
          if (polls > n) return 'done';
          return polls === n ? 'running' : 'pending';
        };
        return HttpResponse.json(
          sliceOperation('slice.delete', polls > 3 ? 'done' : 'running', [
            {
              id: 'offboard',
              title: 'Offboard every namespace',
              state: state(1),
            },
            { id: 'drained', title: 'Drained', state: state(2) },
            { id: 'gone', title: 'Slice deleted', state: state(3) },
          ]),
        );
      }),
    );
    const alerts = await render();
    await openDelete();
    await screen.findByTestId('delete-steps');
    expect(deletes).toEqual(['?dryRun=true']);
    expect(screen.getByTestId('delete-members')).toHaveTextContent(
      'The slice from its 3 members: aws-east, gcp-west, edge-nyc',
    );
    expect(screen.getByTestId('delete-ns-aws-east')).toHaveTextContent(
      'Namespaces offboarded on aws-east: pacman',
    );
    expect(screen.getByTestId('delete-exports')).toHaveTextContent(
      'mongo.mongodb on aws-east',
    );
    expect(screen.getByTestId('delete-finding')).toHaveTextContent(
      'The delete waits for them.',
    );
    expect(screen.getByTestId('delete-steps')).toHaveTextContent(
      'Delete SliceConfig pacman',
    );
    const apply = screen.getByTestId('delete-apply');
    expect(apply).toBeDisabled();
    typeName('pacma');
    expect(apply).toBeDisabled();
    typeName('pacman');
    expect(apply).toBeEnabled();
    fireEvent.click(apply);
    expect(await screen.findByTestId('op-step-offboard')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/slices$/),
    );
    expect(deletes).toEqual(['?dryRun=true', '']);
    expect(alerts.getAlerts()).toEqual([
      expect.objectContaining({
        message: 'Slice pacman was deleted.',
        severity: 'success',
      }),
    ]);
  });

  it('keeps the progress through a lost connection', async () => {
    answerDelete(dryRun =>
      dryRun
        ? dryRunAnswer()
        : HttpResponse.json(
            {
              ...writeResult('x\n'),
              dryRun: false,
              operation: sliceOperation('slice.delete', 'running', [
                { id: 'drained', title: 'Drained', state: 'running' },
              ]),
            },
            { status: 202 },
          ),
    );
    server.use(http.get(`${BASE}/operations/op-9`, () => HttpResponse.error()));
    await render();
    await openDelete();
    await screen.findByTestId('delete-steps');
    typeName('pacman');
    fireEvent.click(screen.getByTestId('delete-apply'));
    expect(await screen.findByTestId('reconnecting')).toBeInTheDocument();
    expect(screen.getByTestId('op-step-drained')).toHaveTextContent(
      'Drained — running',
    );
  });

  it('403 on the dry run: says so, and Delete stays disabled', async () => {
    answerDelete(() =>
      HttpResponse.json(
        { error: { name: 'NotAllowedError', message: 'denied by policy' } },
        { status: 403 },
      ),
    );
    await render();
    await openDelete();
    expect(
      await screen.findByTestId('write-error-forbidden'),
    ).toHaveTextContent('You may not do this: denied by policy');
    typeName('pacman');
    expect(screen.getByTestId('delete-apply')).toBeDisabled();
  });

  it('409: someone else changed the slice; reload and delete again', async () => {
    answerDelete((dryRun, n) => {
      if (dryRun) return dryRunAnswer();
      if (n === 2)
        return HttpResponse.json(
          { error: { name: 'ConflictError', message: 'the slice changed' } },
          { status: 409 },
        );
      return HttpResponse.json(
        {
          ...writeResult('x\n'),
          dryRun: false,
          operation: sliceOperation('slice.delete', 'running', [
            { id: 'gone', title: 'Slice deleted', state: 'running' },
          ]),
        },
        { status: 202 },
      );
    });
    server.use(
      http.get(`${BASE}/operations/op-9`, () =>
        HttpResponse.json(
          sliceOperation('slice.delete', 'running', [
            { id: 'gone', title: 'Slice deleted', state: 'running' },
          ]),
        ),
      ),
    );
    await render();
    await openDelete();
    await screen.findByTestId('delete-steps');
    typeName('pacman');
    fireEvent.click(screen.getByTestId('delete-apply'));
    expect(await screen.findByTestId('conflict-dialog')).toHaveTextContent(
      'the slice changed',
    );
    fireEvent.click(getControl('Reload and re-apply'));
    expect(await screen.findByTestId('op-step-gone')).toBeInTheDocument();
    expect(deletes).toEqual(['?dryRun=true', '', '?dryRun=true', '']);
  });
});

import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { slicePlugin } from '../plugin';
import { rootRouteRef } from '../routes';
import { CreateSlicePage } from '../components/CreateSlice/CreateSlicePage';
import { createFleet } from './createSliceFixtures';
import { BASE, FAST_POLL, allowOnly, type PermissionMock } from './wizardMocks';

export const allowArcade: PermissionMock = allowOnly('demo/arcade');

/**
 * The create-slice wizard against a fake backend (the fleet of `createFleet`, no tunnels),
 * for a `describe` of its tests: the server, the POSTs it got, and steps through the wizard.
 */
export function setupCreateSliceWizard() {
  const server = setupServer();
  registerMswTestHooks(server);
  const posts: { url: string; body: any }[] = [];

  beforeEach(() => {
    posts.length = 0;
    server.use(
      http.get(`${BASE}/fleet`, () => HttpResponse.json(createFleet)),
      http.get(`${BASE}/tunnels`, () =>
        HttpResponse.json({ items: [], errors: [] }),
      ),
    );
  });

  const answerCreate = (
    answer: (dryRun: boolean) => Response | Promise<Response>,
  ) =>
    server.use(
      http.post(`${BASE}/slices/demo/arcade`, async ({ request }) => {
        const url = new URL(request.url);
        posts.push({ url: url.search, body: await request.json() });
        return answer(url.searchParams.get('dryRun') === 'true');
      }),
    );

  const render = (extra?: JSX.Element) =>
    renderInTestApp(
      <>
        <CreateSlicePage poll={FAST_POLL} />
        {extra}
      </>,
      {
        features: [slicePlugin],
        apis: [allowArcade],
        mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
        initialRouteEntries: ['/slices/create'],
      },
    );

  const input = (testId: string) =>
    screen.getByTestId(testId) as HTMLInputElement;
  const next = () => fireEvent.click(screen.getByTestId('wizard-next'));
  const pick = (name: string) =>
    fireEvent.click(
      screen
        .getByTestId(`cluster-row-${name}`)
        .querySelector('input[type=checkbox]')!,
    );

  /** Project and name → three clusters → default network → one namespace: the QoS step. */
  async function fillToQos() {
    await waitFor(() => expect(input('slice-name')).toBeInTheDocument());
    fireEvent.change(input('slice-name'), { target: { value: 'tetris' } });
    next();
    pick('aws-east');
    pick('gcp-west');
    pick('azure-north');
    next();
    next();
    fireEvent.click(screen.getByTestId('app-ns-add'));
    fireEvent.change(input('app-ns-0-name'), { target: { value: 'web' } });
    next();
  }

  /** …and the default QoS → review. */
  async function fillToReview() {
    await fillToQos();
    fireEvent.click(screen.getByTestId('wizard-next'));
  }

  return {
    server,
    posts,
    answerCreate,
    render,
    input,
    next,
    pick,
    fillToQos,
    fillToReview,
  };
}

export { BASE } from './wizardMocks';

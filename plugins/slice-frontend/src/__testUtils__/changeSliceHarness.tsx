import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { slicePlugin } from '../plugin';
import { rootRouteRef } from '../routes';
import { ChangeSlicePage } from '../components/ChangeSlice/ChangeSlicePage';
import { createFleet } from './createSliceFixtures';
import { changeDetail } from './changeSliceFixtures';
import { BASE, FAST_POLL, allowAll, type PermissionMock } from './wizardMocks';

const SLICE = `${BASE}/slices/demo/arcade/pacman`;
export const allow: PermissionMock = allowAll();

function Where() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

/**
 * The change-slice wizard on pacman (`changeDetail`) against a fake backend, for a
 * `describe` of its tests: the server, the PATCHes it got, and steps through the wizard.
 */
export function setupChangeSliceWizard() {
  const server = setupServer();
  registerMswTestHooks(server);
  const patches: { search: string; body: any }[] = [];
  let reads = 0;

  beforeEach(() => {
    patches.length = 0;
    reads = 0;
    server.use(
      http.get(`${BASE}/fleet`, () => HttpResponse.json(createFleet)),
      http.get(`${BASE}/tunnels`, () =>
        HttpResponse.json({ items: [], errors: [] }),
      ),
      http.get(SLICE, () => {
        reads++;
        return HttpResponse.json(changeDetail);
      }),
    );
  });

  const answerPatch = (
    answer: (dryRun: boolean, n: number) => Response | Promise<Response>,
  ) =>
    server.use(
      http.patch(SLICE, async ({ request }) => {
        const url = new URL(request.url);
        patches.push({ search: url.search, body: await request.json() });
        return answer(
          url.searchParams.get('dryRun') === 'true',
          patches.length,
        );
      }),
    );

  // usePermission caches decisions per permission and resource for the test file (SWR),
  // so a test with another decision uses another slice.
  const render = (apis: PermissionMock[] = [allow], slice = 'pacman') =>
    renderInTestApp(
      <>
        <Routes>
          <Route
            path="/slices/:hub/:project/:name/edit"
            element={<ChangeSlicePage poll={FAST_POLL} />}
          />
          <Route path="*" element={<div>elsewhere</div>} />
        </Routes>
        <Link to="/slices">away</Link>
        <Where />
      </>,
      {
        features: [slicePlugin],
        apis,
        mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
        initialRouteEntries: [`/slices/demo/arcade/${slice}/edit`],
      },
    );

  const row = (name: string) =>
    screen
      .getByTestId(`cluster-row-${name}`)
      .querySelector('input[type=checkbox]') as HTMLInputElement;
  const next = () => fireEvent.click(screen.getByTestId('wizard-next'));

  /** Members: drop gcp-west, add azure-north → isolation → QoS profile silver → review. */
  async function changeToReview() {
    await waitFor(() => expect(row('aws-east')).toBeChecked());
    fireEvent.click(row('gcp-west'));
    fireEvent.click(row('azure-north'));
    next();
    next();
    fireEvent.change(screen.getByTestId('qos-profile'), {
      target: { value: 'silver' },
    });
    next();
  }

  return {
    server,
    patches,
    /** How often the slice was read (its first load and each reload). */
    reads: () => reads,
    answerPatch,
    render,
    row,
    next,
    changeToReview,
  };
}

export { BASE } from './wizardMocks';

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
import { RegisterClusterWizard } from '../components/RegisterCluster/RegisterClusterPage';
import { registerFleet } from '../components/RegisterCluster/testFixtures';
import { BASE, allowOnly, type PermissionMock } from './wizardMocks';

const timing = { valuesRetryMs: 5, statusPollMs: 20 };
export const allowArcade: PermissionMock = allowOnly('demo/arcade');

/**
 * The register-cluster wizard against a fake backend (`registerFleet`), for a `describe` of
 * its tests: the server, the POSTs it got, and steps through the wizard.
 */
export function setupRegisterClusterWizard() {
  const server = setupServer();
  registerMswTestHooks(server);
  const posts: { search: string; body: any }[] = [];

  beforeEach(() => {
    posts.length = 0;
    server.use(
      http.get(`${BASE}/fleet`, () => HttpResponse.json(registerFleet)),
    );
  });

  const answerRegister = (answer: (dryRun: boolean) => Response) =>
    server.use(
      http.post(
        `${BASE}/projects/demo/arcade/clusters`,
        async ({ request }) => {
          const url = new URL(request.url);
          posts.push({ search: url.search, body: await request.json() });
          return answer(url.searchParams.get('dryRun') === 'true');
        },
      ),
    );

  const render = (permission = allowArcade, extra?: JSX.Element) =>
    renderInTestApp(
      <>
        <RegisterClusterWizard timing={timing} />
        {extra}
      </>,
      {
        features: [slicePlugin],
        apis: [permission],
        mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
        initialRouteEntries: ['/slices/register-cluster'],
      },
    );
  const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
  const type = (id: string, value: string) =>
    fireEvent.change(input(id), { target: { value } });
  const next = () => fireEvent.click(screen.getByTestId('wizard-next'));

  async function fillToReview() {
    await waitFor(() => expect(input('cluster-name')).toBeInTheDocument());
    // The only project the user may register in is chosen for them.
    await waitFor(() =>
      expect(screen.getByTestId('project-select')).toHaveTextContent('arcade'),
    );
    type('cluster-name', 'edge-ams');
    next();
    type('cluster-provider', 'aws');
    type('cluster-region', 'eu-west-1');
    // A pasted "lat, lon" pair fills both fields.
    type('cluster-latitude', '52.37, 4.89');
    expect(input('cluster-latitude')).toHaveValue('52.37');
    expect(input('cluster-longitude')).toHaveValue('4.89');
    expect(screen.getByTestId('map-picked-point')).toBeInTheDocument();
    next();
    type('node-ips', '10.0.0.1, 10.0.0.2');
    next();
  }

  return {
    server,
    posts,
    answerRegister,
    render,
    input,
    type,
    next,
    fillToReview,
  };
}

export { BASE } from './wizardMocks';

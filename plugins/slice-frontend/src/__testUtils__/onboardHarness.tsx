import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Link, Route, Routes } from 'react-router-dom';
import { slicePlugin } from '../plugin';
import { rootRouteRef } from '../routes';
import { getControl } from './controls';
import { clusterDetail, onboardFleet, paymentsDetail } from './onboardFixtures';
import { OnboardWizardPage } from '../components/OnboardWizard/OnboardWizardPage';
import { BASE, FAST_POLL, allowOnly, type PermissionMock } from './wizardMocks';

export const SLICE = `${BASE}/slices/demo/acme/payments`;
export const allowPayments: PermissionMock = allowOnly('demo/acme/payments');

/**
 * The onboarding wizard on slice payments against a fake backend, for a `describe` of its
 * tests: the server, the writes it got, and steps through the wizard.
 */
export function setupOnboardWizard() {
  const server = setupServer();
  registerMswTestHooks(server);
  const writes: { method: string; url: URL; body: unknown }[] = [];
  let sliceLoads: number;

  beforeEach(() => {
    writes.length = 0;
    sliceLoads = 0;
    server.use(
      http.get(`${BASE}/fleet`, () => HttpResponse.json(onboardFleet)),
      http.get(SLICE, () => {
        sliceLoads++;
        return HttpResponse.json(paymentsDetail());
      }),
      http.get(`${BASE}/clusters/demo/:name`, ({ params }) =>
        HttpResponse.json(
          clusterDetail(
            String(params.name),
            params.name === 'gcp-asia'
              ? [{ name: 'ledger', slice: 'analytics' }, { name: 'web' }]
              : [],
          ),
        ),
      ),
    );
  });

  const answer = (
    respond: (w: { method: string; url: URL; body: unknown }) => Response,
  ) => {
    const handler = async ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      const body =
        request.method === 'DELETE' ? undefined : await request.json();
      const w = { method: request.method, url, body };
      writes.push(w);
      return respond(w);
    };
    server.use(
      http.post(`${SLICE}/namespaces`, handler),
      http.delete(`${SLICE}/namespaces/:ns`, handler),
      http.patch(SLICE, handler),
    );
  };

  const render = (path = '/slices/demo/acme/payments/onboard') =>
    renderInTestApp(
      <>
        <Routes>
          <Route
            path="/slices/onboard"
            element={<OnboardWizardPage poll={FAST_POLL} />}
          />
          <Route
            path="/slices/:hub/:project/:name/onboard"
            element={<OnboardWizardPage poll={FAST_POLL} />}
          />
          <Route path="*" element={<div data-testid="elsewhere" />} />
        </Routes>
        <Link to="/catalog">away</Link>
      </>,
      {
        features: [slicePlugin],
        apis: [allowPayments],
        mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
        initialRouteEntries: [path],
      },
    );

  const next = () => fireEvent.click(screen.getByTestId('wizard-next'));
  const toggle = (ns: string, cluster: string) =>
    fireEvent.click(screen.getByTestId(`toggle-${ns}-${cluster}`));
  const toGrid = async () => {
    await waitFor(() =>
      expect(screen.getByTestId('wizard-next')).not.toBeDisabled(),
    );
    next();
    await screen.findByTestId('namespace-grid');
  };
  const addNamespace = (name: string) => {
    fireEvent.change(screen.getByTestId('add-namespace'), {
      target: { value: name },
    });
    fireEvent.click(getControl('Add namespace'));
  };

  return {
    server,
    writes,
    /** How often the slice was read (its first load and each reload). */
    sliceLoads: () => sliceLoads,
    answer,
    render,
    next,
    toggle,
    toGrid,
    addNamespace,
  };
}

export { BASE } from './wizardMocks';

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { slicePlugin } from '../plugin';
import { rootRouteRef } from '../routes';
import { ExportServiceWizard } from '../components/ExportService/ExportServicePage';
import { setupSliceServer } from './server';
import { BASE } from './wizardMocks';

export const ref = { hub: 'demo', project: 'arcade', name: 'pacman' };
export const manifest =
  'apiVersion: networking.kubeslice.io/v1beta1\nkind: ServiceExport\n';
/** An answer of the export route: the manifest, no findings, and `extra`. */
export const answer = (extra: object) => ({
  dryRun: false,
  object: {},
  yaml: manifest,
  diff: { changes: [], text: '' },
  preflight: [],
  ...extra,
});

/**
 * The export-service wizard for scores in pacman against the fixture backend, for a
 * `describe` of its tests: the server, the POSTs it got, and steps through the wizard.
 */
export function setupExportServiceWizard() {
  const { server, defaults } = setupSliceServer();
  const posts: { search: string; body: any }[] = [];
  beforeEach(() => {
    defaults();
    posts.length = 0;
  });

  /** `extra`: rendered beside the wizard (a link away, where the app is). */
  const render = (
    authorize:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
    slice: typeof ref = ref,
    extra?: JSX.Element,
  ) =>
    renderInTestApp(
      <>
        <ExportServiceWizard
          slice={slice}
          initial={{ namespace: 'pacman', name: 'scores' }}
          pollMs={20}
        />
        {extra}
      </>,
      {
        features: [slicePlugin],
        apis: [mockApis.permission({ authorize })],
        mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
      },
    );
  const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
  const next = () => fireEvent.click(screen.getByTestId('wizard-next'));

  /** Service, ports and aliases filled for scores on aws-east, up to the review. */
  const fillToReview = async () => {
    await waitFor(() => expect(input('export-name')).toHaveValue('scores'));
    fireEvent.mouseDown(screen.getByTestId('export-cluster'));
    fireEvent.click(await screen.findByText('aws-east', { selector: 'li' }));
    next();
    fireEvent.change(input('port-container-0'), { target: { value: '8080' } });
    next();
    next();
    await screen.findByTestId('review');
  };
  /** Answers the export route with `apply` for writes, a passing dry run otherwise. */
  const answerExport = (apply: () => Response) =>
    server.use(
      http.post(
        `${BASE}/slices/demo/arcade/pacman/exports`,
        async ({ request }) => {
          const url = new URL(request.url);
          const dryRun = url.searchParams.get('dryRun') === 'true';
          posts.push({ search: url.search, body: await request.json() });
          return dryRun
            ? HttpResponse.json(
                answer({
                  dryRun,
                  applied: false,
                  instructions: 'apply it on aws-east',
                }),
              )
            : apply();
        },
      ),
    );
  const handedOut = () =>
    HttpResponse.json(
      answer({ applied: false, instructions: 'apply it on aws-east' }),
    );

  return {
    server,
    posts,
    render,
    input,
    next,
    fillToReview,
    answerExport,
    handedOut,
  };
}

export { BASE } from './wizardMocks';

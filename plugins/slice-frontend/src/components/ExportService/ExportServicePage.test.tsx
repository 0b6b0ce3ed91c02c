import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { getControl } from '../../__testUtils__/controls';
import { sliceDetail } from '../../__testUtils__/fixtures';
import { setupSliceServer } from '../../__testUtils__/server';
import { ExportServiceWizard } from './ExportServicePage';

const BASE = '*/api/slice/v1';
const ref = { hub: 'demo', project: 'arcade', name: 'pacman' };
const manifest =
  'apiVersion: networking.kubeslice.io/v1beta1\nkind: ServiceExport\n';
const answer = (extra: object) => ({
  dryRun: false,
  object: {},
  yaml: manifest,
  diff: { changes: [], text: '' },
  preflight: [],
  ...extra,
});

describe('ExportServiceWizard', () => {
  const { server, defaults } = setupSliceServer();
  const posts: { search: string; body: any }[] = [];
  beforeEach(() => {
    defaults();
    posts.length = 0;
  });

  const render = (
    authorize:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) =>
    renderInTestApp(
      <ExportServiceWizard
        slice={ref}
        initial={{ namespace: 'pacman', name: 'scores' }}
        pollMs={20}
      />,
      {
        features: [slicePlugin],
        apis: [mockApis.permission({ authorize })],
        mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
      },
    );
  const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
  const next = () => fireEvent.click(screen.getByTestId('wizard-next'));

  it('hands out the manifest where the portal may not write, and follows the checklist', async () => {
    server.use(
      http.post(
        `${BASE}/slices/demo/arcade/pacman/exports`,
        async ({ request }) => {
          const url = new URL(request.url);
          posts.push({ search: url.search, body: await request.json() });
          return HttpResponse.json(
            answer({
              dryRun: url.searchParams.get('dryRun') === 'true',
              applied: false,
              instructions: 'apply it on aws-east',
            }),
          );
        },
      ),
    );
    await render();
    await waitFor(() => expect(input('export-name')).toHaveValue('scores'));
    fireEvent.mouseDown(screen.getByTestId('export-cluster'));
    fireEvent.click(await screen.findByText('aws-east', { selector: 'li' }));
    expect(screen.getByTestId('export-namespace-help')).toHaveTextContent(
      'onboarded on aws-east',
    );
    next();
    // A container port is needed before going on.
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    fireEvent.change(input('port-container-0'), { target: { value: '8080' } });
    next();
    fireEvent.change(input('export-aliases'), {
      target: { value: 'scores.example.com' },
    });
    expect(screen.getByTestId('export-dns-names')).toHaveTextContent(
      'scores.pacman.svc.slice.localscores.example.com',
    );
    next();
    expect(await screen.findByTestId('manifest-only')).toHaveTextContent(
      'no write access to aws-east',
    );
    expect(posts[0].body).toEqual({
      cluster: 'aws-east',
      namespace: 'pacman',
      name: 'scores',
      spec: {
        selector: { matchLabels: { app: 'scores' } },
        ports: [{ name: 'tcp', containerPort: 8080, protocol: 'TCP' }],
        aliases: ['scores.example.com'],
      },
    });
    fireEvent.click(getControl('Apply'));
    const block = await screen.findByTestId('export-manifest');
    await waitFor(() => expect(block).toHaveTextContent('kind: ServiceExport'));
    expect(block).toHaveTextContent('Download serviceexport.yaml');
    const live = await screen.findByTestId('export-live');
    expect(live).toHaveAttribute('data-ready', 'false');
    expect(screen.getByTestId('check-export')).toHaveAttribute(
      'data-ok',
      'false',
    );
  });

  it('writes through the portal and is done when every member imports it READY', async () => {
    server.use(
      http.post(`${BASE}/slices/demo/arcade/pacman/exports`, ({ request }) => {
        const dryRun =
          new URL(request.url).searchParams.get('dryRun') === 'true';
        return HttpResponse.json(
          answer({
            dryRun,
            applied: !dryRun,
            ...(!dryRun && {
              operation: {
                id: 'op-9',
                kind: 'service.export',
                target: { hub: 'demo', project: 'arcade', slice: 'pacman' },
                actor: 'user:default/ana',
                createdAt: new Date().toISOString(),
                updatedAt: new Date().toISOString(),
                state: 'done',
                steps: [
                  { id: 'export', title: 'ServiceExport', state: 'done' },
                ],
              },
            }),
          }),
          { status: dryRun ? 200 : 201 },
        );
      }),
    );
    let asked = 0;
    server.use(
      http.get(`${BASE}/slices/demo/arcade/pacman`, () => {
        asked += 1;
        const base = sliceDetail.services[0];
        const service = {
          ...base,
          name: 'scores',
          namespace: 'pacman',
          imports: sliceDetail.members.map(m => ({
            cluster: m.cluster,
            status: asked > 2 ? 'READY' : 'PENDING',
            endpoints: 1,
            sourceClusters: ['aws-east'],
          })),
        };
        return HttpResponse.json({ ...sliceDetail, services: [service] });
      }),
    );
    await render();
    await waitFor(() => expect(input('export-name')).toHaveValue('scores'));
    fireEvent.mouseDown(screen.getByTestId('export-cluster'));
    fireEvent.click(await screen.findByText('aws-east', { selector: 'li' }));
    next();
    fireEvent.change(input('port-container-0'), { target: { value: '8080' } });
    next();
    next();
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('operation-progress');
    await waitFor(() =>
      expect(screen.getByTestId('export-live')).toHaveAttribute(
        'data-ready',
        'true',
      ),
    );
  });

  it('is refused, with the reason, to users who may not change the slice', async () => {
    await render(AuthorizeResult.DENY);
    expect(await screen.findByTestId('export-not-allowed')).toHaveTextContent(
      'You may not change slice pacman',
    );
  });
});

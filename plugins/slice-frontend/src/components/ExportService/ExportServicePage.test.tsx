import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { getControl } from '../../__testUtils__/controls';
import { sliceDetail } from '../../__testUtils__/fixtures';
import {
  BASE,
  answer,
  setupExportServiceWizard,
} from '../../__testUtils__/exportServiceHarness';

describe('ExportServiceWizard', () => {
  const {
    server,
    posts,
    render,
    input,
    next,
    fillToReview,
    answerExport,
    handedOut,
  } = setupExportServiceWizard();

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
    // Not exported yet, but from aws-east, where the namespace is onboarded.
    expect(screen.getByTestId('check-namespace')).toHaveAttribute(
      'data-ok',
      'true',
    );
    expect(screen.getByTestId('check-namespace')).toHaveTextContent(
      'Onboarded on aws-east.',
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
    await fillToReview();
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('operation-progress');
    await waitFor(() =>
      expect(screen.getByTestId('export-live')).toHaveAttribute(
        'data-ready',
        'true',
      ),
    );
  });

  it('says what to fix beside Next on the service and ports steps', async () => {
    await render();
    await waitFor(() => expect(input('export-name')).toHaveValue('scores'));
    const blocker = () => screen.getByTestId('wizard-blocker');
    expect(blocker()).toHaveTextContent(
      'Choose the cluster the service runs on.',
    );
    fireEvent.mouseDown(screen.getByTestId('export-cluster'));
    fireEvent.click(await screen.findByText('aws-east', { selector: 'li' }));
    fireEvent.change(input('export-namespace'), { target: { value: '' } });
    expect(blocker()).toHaveTextContent(
      'Give the namespace the service runs in.',
    );
    fireEvent.change(input('export-namespace'), {
      target: { value: 'Pac_Man' },
    });
    expect(blocker()).toHaveTextContent('Fix the namespace');
    fireEvent.change(input('export-namespace'), {
      target: { value: 'pacman' },
    });
    fireEvent.change(input('export-name'), { target: { value: '' } });
    expect(blocker()).toHaveTextContent(
      'Give the name of the service to export.',
    );
    fireEvent.change(input('export-name'), { target: { value: 'scores' } });
    fireEvent.change(input('export-selector'), {
      target: { value: 'app:scores' },
    });
    expect(blocker()).toHaveTextContent(
      'Fix the pod labels: "app:scores" is not key=value.',
    );
    fireEvent.change(input('export-selector'), { target: { value: '' } });
    expect(blocker()).toHaveTextContent(
      'Give the labels of the pods to export, e.g. app=web.',
    );
    fireEvent.change(input('export-selector'), {
      target: { value: 'app=scores' },
    });
    expect(screen.queryByTestId('wizard-blocker')).not.toBeInTheDocument();
    next();

    expect(blocker()).toHaveTextContent(
      'Port 1: give its container port (1 to 65535).',
    );
    expect(screen.getByTestId('wizard-next')).toHaveAttribute(
      'aria-describedby',
      'wizard-blocker',
    );
    fireEvent.change(input('port-container-0'), { target: { value: '8080' } });
    fireEvent.click(getControl('Add port'));
    fireEvent.change(input('port-container-1'), { target: { value: '70000' } });
    expect(blocker()).toHaveTextContent(
      'Port 2: the container port must be a number from 1 to 65535.',
    );
    fireEvent.change(input('port-container-1'), { target: { value: '9090' } });
    fireEvent.change(input('port-service-1'), { target: { value: 'x' } });
    expect(blocker()).toHaveTextContent(
      'Port 2: the service port must be a number from 1 to 65535, or empty.',
    );
    fireEvent.change(input('port-service-1'), { target: { value: '' } });
    fireEvent.change(input('port-name-1'), { target: { value: 'Metrics' } });
    expect(blocker()).toHaveTextContent(
      'Port 2: the name may hold lowercase letters',
    );
    fireEvent.change(input('port-name-1'), {
      target: { value: 'tcp-metrics' },
    });
    expect(screen.queryByTestId('wizard-blocker')).not.toBeInTheDocument();
    expect(screen.getByTestId('wizard-next')).toBeEnabled();
  });

  it('offers to reload and re-apply after a 409, and re-applies the same input', async () => {
    let applies = 0;
    answerExport(() => {
      applies += 1;
      return applies === 1
        ? HttpResponse.json(
            {
              error: {
                name: 'ConflictError',
                message: 'slice pacman was changed',
              },
            },
            { status: 409 },
          )
        : handedOut();
    });
    let reads = 0;
    server.use(
      http.get(`${BASE}/slices/demo/arcade/pacman`, () => {
        reads += 1;
        return HttpResponse.json(sliceDetail);
      }),
    );
    await render();
    await fillToReview();
    fireEvent.click(getControl('Apply'));
    const dialog = await screen.findByTestId('conflict-dialog');
    expect(dialog).toHaveTextContent('slice pacman was changed');
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
    const readsBefore = reads;
    fireEvent.click(getControl('Reload and re-apply'));
    await screen.findByTestId('export-manifest');
    expect(reads).toBeGreaterThan(readsBefore);
    // dry run, apply (409), dry run again, apply again: the same body each time.
    expect(posts.map(p => p.search)).toEqual([
      '?dryRun=true',
      '',
      '?dryRun=true',
      '',
    ]);
    expect(new Set(posts.map(p => JSON.stringify(p.body))).size).toBe(1);
    expect(posts[3].body).toMatchObject({
      cluster: 'aws-east',
      name: 'scores',
    });
  });

  it('keeps the form through a lost connection, applies on retry, and resumes the checklist', async () => {
    let applies = 0;
    answerExport(() => {
      applies += 1;
      return applies === 1 ? HttpResponse.error() : handedOut();
    });
    await render();
    await fillToReview();
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('write-error-network');
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
    // The input is still there: back on the service step, then to the review again.
    fireEvent.click(
      screen.getByTestId('wizard-step-service').querySelector('button')!,
    );
    expect(input('export-name')).toHaveValue('scores');
    expect(screen.getByTestId('export-cluster')).toHaveTextContent('aws-east');
    next();
    expect(input('port-container-0')).toHaveValue('8080');
    next();
    next();
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('export-manifest');
    expect(posts.filter(p => p.search === '').map(p => p.body)).toEqual([
      posts[0].body,
      posts[0].body,
    ]);

    // The backend goes away while following: it says so, keeps the checklist, and resumes.
    let online = false;
    server.use(
      http.get(`${BASE}/slices/demo/arcade/pacman`, () => {
        if (!online) return HttpResponse.error();
        const service = {
          ...sliceDetail.services[0],
          name: 'scores',
          namespace: 'pacman',
          imports: sliceDetail.members.map(m => ({
            cluster: m.cluster,
            status: 'READY',
            endpoints: 1,
            sourceClusters: ['aws-east'],
          })),
        };
        return HttpResponse.json({ ...sliceDetail, services: [service] });
      }),
    );
    await screen.findByTestId('export-reconnecting');
    expect(screen.getByTestId('check-export')).toBeInTheDocument();
    expect(screen.getByTestId('export-live')).toHaveAttribute(
      'data-ready',
      'false',
    );
    online = true;
    await waitFor(() =>
      expect(screen.getByTestId('export-live')).toHaveAttribute(
        'data-ready',
        'true',
      ),
    );
    expect(screen.queryByTestId('export-reconnecting')).not.toBeInTheDocument();
  });

  it('is refused, with the reason, to users who may not change the slice', async () => {
    // usePermission caches each resource's decision for the whole file: a slice no other test asks about.
    const denied = { hub: 'demo', project: 'arcade', name: 'leaderboard' };
    server.use(
      http.get(`${BASE}/slices/demo/arcade/leaderboard`, () =>
        HttpResponse.json({ ...sliceDetail, name: 'leaderboard' }),
      ),
    );
    await render(AuthorizeResult.DENY, denied);
    expect(await screen.findByTestId('export-not-allowed')).toHaveTextContent(
      'You may not change slice leaderboard',
    );
    expect(screen.queryByTestId('wizard-next')).not.toBeInTheDocument();
  });
});

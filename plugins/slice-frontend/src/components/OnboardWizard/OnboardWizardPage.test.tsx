import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { getControl } from '../../__testUtils__/controls';
import {
  namespaceOperation,
  nsWriteResult,
} from '../../__testUtils__/onboardFixtures';
import { BASE, setupOnboardWizard } from '../../__testUtils__/onboardHarness';

describe('OnboardWizardPage', () => {
  const {
    server,
    writes,
    sliceLoads,
    answer,
    render,
    next,
    toggle,
    toGrid,
    addNamespace,
  } = setupOnboardWizard();

  it('onboards a new namespace on two clusters: grid, review with the diff, apply, progress per cluster', async () => {
    let polls = 0;
    server.use(
      http.get(`${BASE}/operations/op-ns`, () => {
        polls++;
        return HttpResponse.json(
          namespaceOperation(polls > 1 ? 'done' : 'running', [
            {
              id: 'onboard:web@aws-eu',
              title: 'web on aws-eu',
              state: 'done',
              detail: 'onboarded ✓',
            },
            {
              id: 'onboard:web@gcp-asia',
              title: 'web on gcp-asia',
              state: polls > 1 ? 'done' : 'running',
              detail:
                polls > 1
                  ? 'onboarded ✓'
                  : 'waiting for the worker to onboard it',
            },
          ]),
        );
      }),
    );
    answer(w =>
      HttpResponse.json(
        w.url.searchParams.get('dryRun') === 'true'
          ? nsWriteResult('kind: SliceConfig # web', {
              diff: '+  - namespace: web',
            })
          : nsWriteResult('kind: SliceConfig # web', {
              operation: namespaceOperation('running', []),
            }),
      ),
    );
    await render();
    await toGrid();
    // today's bindings: payments everywhere via *, ledger on another slice on gcp-asia
    expect(screen.getByTestId('every-payments')).toBeChecked();
    expect(screen.getByTestId('cell-ledger-gcp-asia')).toHaveTextContent(
      'on slice analytics',
    );
    expect(screen.getByTestId('toggle-ledger-gcp-asia')).toBeDisabled();
    addNamespace('web');
    expect(screen.getByTestId('cell-web-gcp-asia')).toHaveTextContent(
      'exists, on no slice',
    );
    expect(screen.getByTestId('cell-web-aws-eu')).toHaveTextContent(
      'will be created',
    );
    toggle('web', 'aws-eu');
    toggle('web', 'gcp-asia');
    next();
    await screen.findByTestId('isolation-step');
    next();
    await screen.findByTestId('review');
    expect(writes).toHaveLength(1);
    expect(writes[0].body).toEqual({
      namespace: 'web',
      clusters: ['aws-eu', 'gcp-asia'],
    });
    expect(screen.getByTestId('plan-web')).toHaveTextContent(
      'not on the sliceaws-eu, gcp-asia',
    );
    await waitFor(() =>
      expect(screen.getByTestId('plan-diff')).toHaveTextContent(
        '+ - namespace: web',
      ),
    );
    const title = () =>
      screen.getByTestId('wizard-panel-review').querySelector('h5');
    expect(title()).toHaveTextContent(/^Review$/);
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('onboard-applied');
    expect(title()).toHaveTextContent(/^Follow the changes$/);
    expect(writes[1].url.searchParams.get('dryRun')).toBeNull();
    await waitFor(() =>
      expect(
        screen.getByTestId('op-step-onboard:web@gcp-asia'),
      ).toHaveTextContent('waiting for the worker'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('operation-progress')).toHaveAttribute(
        'data-state',
        'done',
      ),
    );
    expect(
      screen.getByTestId('op-step-onboard:web@gcp-asia'),
    ).toHaveTextContent('onboarded ✓');
  });

  it('explains a conflict beside the row and blocks Next when * would take a cluster of another slice', async () => {
    await render();
    await toGrid();
    fireEvent.click(screen.getByTestId('every-ledger'));
    expect(screen.getByTestId('grid-help-ledger')).toHaveTextContent(
      'ledger is on slice analytics on gcp-asia',
    );
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    fireEvent.click(screen.getByTestId('every-ledger'));
    toggle('ledger', 'azure-us');
    expect(screen.getByTestId('wizard-next')).not.toBeDisabled();
  });

  it('shows a preflight refusal beside the namespace it is about, and the review links back to it', async () => {
    answer(() =>
      HttpResponse.json(
        {
          error: {
            name: 'InputError',
            message: 'refused',
            fields: [
              {
                path: 'spec.namespaceIsolationProfile.applicationNamespaces[1].clusters',
                message: 'ledger on azure-us is held by the hub',
                source: 'preflight',
              },
            ],
          },
        },
        { status: 400 },
      ),
    );
    await render();
    await toGrid();
    toggle('ledger', 'azure-us');
    next();
    next();
    const finding = await screen.findByTestId('finding');
    expect(finding).toHaveAttribute(
      'data-path',
      'spec.namespaceIsolationProfile.applicationNamespaces[namespace=ledger].clusters',
    );
    expect(getControl('Apply')).toBeDisabled();
    fireEvent.click(finding);
    expect(await screen.findByTestId('grid-help-ledger')).toHaveTextContent(
      'ledger on azure-us is held by the hub',
    );
  });

  it('does not offer a slice the user may not change, nor one they cannot see', async () => {
    await render('/slices/demo/arcade/pacman/onboard');
    expect(await screen.findByTestId('slice-not-visible')).toHaveTextContent(
      'demo/arcade/pacman',
    );
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    fireEvent.mouseDown(
      document.querySelector('[aria-labelledby~="onboard-slice-label"]')!,
    );
    const option = await screen.findByTestId(
      'slice-option-demo/acme/analytics',
    );
    await waitFor(() =>
      expect(option).toHaveTextContent('you may not change it'),
    );
    expect(option).toHaveAttribute('aria-disabled', 'true');
  });

  it('a 409 on apply offers to reload and re-apply, and writes only what is left', async () => {
    let applies = 0;
    answer(w => {
      if (w.url.searchParams.get('dryRun') === 'true')
        return HttpResponse.json(nsWriteResult('kind: SliceConfig'));
      applies++;
      return applies === 1
        ? HttpResponse.json(
            { error: { name: 'ConflictError', message: 'changed meanwhile' } },
            { status: 409 },
          )
        : HttpResponse.json(
            nsWriteResult('kind: SliceConfig', {
              operation: namespaceOperation('done', []),
            }),
          );
    });
    await render();
    await toGrid();
    toggle('ledger', 'azure-us');
    next();
    next();
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    const dialog = await screen.findByTestId('conflict-dialog');
    expect(dialog).toHaveTextContent('changed meanwhile');
    const loadsBefore = sliceLoads();
    fireEvent.click(within(dialog).getByText('Reload and re-apply'));
    await screen.findByTestId('onboard-applied');
    expect(sliceLoads()).toBeGreaterThan(loadsBefore);
    const applied = writes.filter(w => !w.url.searchParams.get('dryRun'));
    expect(applied.map(w => w.body)).toEqual([
      { namespace: 'ledger', clusters: ['azure-us'] },
      { namespace: 'ledger', clusters: ['azure-us'] },
    ]);
  });

  it('keeps the form when the backend cannot be reached, and applies on retry', async () => {
    let down = true;
    answer(w => {
      if (w.url.searchParams.get('dryRun') === 'true')
        return HttpResponse.json(nsWriteResult('kind: SliceConfig'));
      if (down) return HttpResponse.error() as unknown as Response;
      return HttpResponse.json(
        nsWriteResult('kind: SliceConfig', {
          operation: namespaceOperation('done', []),
        }),
      );
    });
    await render();
    await toGrid();
    toggle('ledger', 'azure-us');
    next();
    next();
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    expect(
      await screen.findByTestId('write-error-network'),
    ).toBeInTheDocument();
    fireEvent.click(
      screen.getByTestId('wizard-step-namespaces').querySelector('button')!,
    );
    expect(screen.getByTestId('toggle-ledger-azure-us')).toBeChecked();
    down = false;
    fireEvent.click(
      screen.getByTestId('wizard-step-review').querySelector('button')!,
    );
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('onboard-applied');
  });

  it('offboards the linked namespace from the slice, and 403 on apply says why', async () => {
    answer(w =>
      w.url.searchParams.get('dryRun') === 'true'
        ? HttpResponse.json(nsWriteResult('kind: SliceConfig'))
        : HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message: 'kubeslice.slice.update denied',
                permission: 'kubeslice.slice.update',
              },
            },
            { status: 403 },
          ),
    );
    await render(
      '/slices/demo/acme/payments/onboard?namespace=ledger&mode=offboard',
    );
    expect(await screen.findByText('Offboard namespaces')).toBeInTheDocument();
    await toGrid();
    expect(screen.getByTestId('toggle-ledger-aws-eu')).not.toBeChecked();
    next();
    next();
    await screen.findByTestId('review');
    expect(writes[0]).toMatchObject({ method: 'DELETE' });
    expect(writes[0].url.pathname).toMatch(/namespaces\/ledger$/);
    expect(writes[0].url.searchParams.get('clusters')).toBeNull();
    fireEvent.click(getControl('Apply'));
    expect(
      await screen.findByTestId('write-error-forbidden'),
    ).toHaveTextContent('kubeslice.slice.update denied');
  });

  it('asks before leaving with unsaved input', async () => {
    await render();
    await toGrid();
    toggle('ledger', 'azure-us');
    fireEvent.click(screen.getByText('away'));
    const dialog = await screen.findByTestId('leave-dialog');
    fireEvent.click(within(dialog).getByText('Stay'));
    expect(screen.getByTestId('namespace-grid')).toBeInTheDocument();
    fireEvent.click(screen.getByText('away'));
    fireEvent.click(
      within(await screen.findByTestId('leave-dialog')).getByText('Leave'),
    );
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument();
  });
});

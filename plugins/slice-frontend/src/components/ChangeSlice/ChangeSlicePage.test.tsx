import { mockApis } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { getControl } from '../../__testUtils__/controls';
import { writeResult } from '../../__testUtils__/createSliceFixtures';
import { sliceOperation } from '../../__testUtils__/changeSliceFixtures';
import {
  BASE,
  setupChangeSliceWizard,
} from '../../__testUtils__/changeSliceHarness';

const deny = mockApis.permission({ authorize: AuthorizeResult.DENY });

describe('ChangeSlicePage', () => {
  const {
    server,
    patches,
    reads,
    answerPatch,
    render,
    row,
    next,
    changeToReview,
  } = setupChangeSliceWizard();

  it('opens with the slice as stored; a member with namespaces and exports cannot leave, and says why', async () => {
    await render();
    await waitFor(() => expect(row('aws-east')).toBeChecked());
    expect(row('gcp-west')).toBeChecked();
    expect(row('edge-nyc')).toBeChecked();
    expect(row('azure-north')).not.toBeChecked();
    expect(row('aws-east')).toBeDisabled();
    expect(screen.getByTestId('cluster-why-aws-east')).toHaveTextContent(
      'cannot leave: namespaces pacman are onboarded here; offboard them first; cannot leave: it exports mongo.mongodb; delete those exports first',
    );
    expect(row('gcp-west')).not.toBeDisabled();
    // Nothing changed yet: the review cannot be reached.
    next();
    next();
    expect(screen.getByTestId('wizard-panel-qos')).toHaveTextContent(
      'Change something first',
    );
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    expect(screen.getByTestId('qos-profile')).toHaveValue('gold');
  });

  it('application namespaces are left to the onboarding wizard; isolation is edited here', async () => {
    await render();
    await waitFor(() => expect(row('aws-east')).toBeChecked());
    next();
    expect(screen.getByTestId('application-note')).toHaveTextContent(
      'onboarding wizard (pacman)',
    );
    expect(screen.queryByTestId('app-ns-add')).not.toBeInTheDocument();
    const isolation = screen.getByLabelText(
      'Isolate the application namespaces (network policies)',
    ) as HTMLInputElement;
    expect(isolation).toBeChecked();
    fireEvent.click(isolation);
    next();
    answerPatch(() => HttpResponse.json(writeResult('kind: SliceConfig\n')));
    next();
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0].body).toEqual({ isolationEnabled: false });
  });

  it('reviews the hub’s diff, applies only what changed and follows the progress', async () => {
    answerPatch(dryRun =>
      HttpResponse.json(
        dryRun
          ? {
              ...writeResult('kind: SliceConfig\nspec:\n  clusters: []\n'),
              diff: {
                changes: [],
                text: '--- current\n+++ proposed\n-  - gcp-west\n+  - azure-north\n',
              },
            }
          : {
              ...writeResult('kind: SliceConfig\n'),
              dryRun: false,
              operation: sliceOperation('slice.update', 'running', [
                { id: 'workers', title: 'Members ready', state: 'running' },
              ]),
            },
      ),
    );
    let polls = 0;
    server.use(
      http.get(`${BASE}/operations/op-9`, () =>
        HttpResponse.json(
          sliceOperation('slice.update', ++polls < 2 ? 'running' : 'done', [
            {
              id: 'workers',
              title: 'Members ready',
              state: polls < 2 ? 'running' : 'done',
            },
          ]),
        ),
      ),
    );
    await render();
    await changeToReview();
    expect(await screen.findByTestId('change-diff')).toHaveTextContent(
      '- - gcp-west+ - azure-north',
    );
    expect(patches[0]).toEqual({
      search: '?dryRun=true',
      body: {
        addClusters: ['azure-north'],
        removeClusters: ['gcp-west'],
        qos: { standardQosProfileName: 'silver' },
      },
    });
    const title = () =>
      screen.getByTestId('wizard-panel-review').querySelector('h5');
    expect(title()).toHaveTextContent(/^Review the change$/);
    fireEvent.click(getControl('Apply'));
    await waitFor(() =>
      expect(screen.getByTestId('operation-progress')).toHaveAttribute(
        'data-state',
        'done',
      ),
    );
    expect(title()).toHaveTextContent(/^Follow the change$/);
    expect(patches[1]).toEqual({ search: '', body: patches[0].body });
    expect(screen.getByTestId('change-done-link')).toHaveTextContent(
      'Back to slice pacman',
    );
  });

  it('shows a preflight refusal beside its field, and the review links back to it', async () => {
    answerPatch(() =>
      HttpResponse.json(
        {
          error: {
            name: 'InputError',
            message: 'Preflight refused',
            fields: [
              {
                path: 'spec.standardQosProfileName',
                message: 'project arcade has no SliceQoSConfig silver',
                source: 'preflight',
                code: 'qos.profileMissing',
              },
            ],
          },
        },
        { status: 400 },
      ),
    );
    await render();
    await changeToReview();
    const finding = await screen.findByTestId('finding');
    expect(finding).toHaveTextContent('no SliceQoSConfig silver');
    expect(finding).toHaveTextContent('Go to QoS');
    expect(getControl('Apply')).toBeDisabled();
    expect(screen.getByTestId('wizard-step-qos')).toHaveTextContent('1 to fix');
    fireEvent.click(finding);
    expect(screen.getByTestId('qos-profile-help')).toHaveTextContent(
      'project arcade has no SliceQoSConfig silver',
    );
    expect(screen.getByTestId('qos-profile')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('a QoS profile without a name blocks the review', async () => {
    await render();
    await waitFor(() => expect(row('aws-east')).toBeChecked());
    next();
    next();
    fireEvent.change(screen.getByTestId('qos-profile'), {
      target: { value: '' },
    });
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    expect(screen.getByTestId('wizard-blocker')).toHaveTextContent(
      'Enter the name of a QoS profile',
    );
    expect(screen.getByTestId('qos-profile-help')).toHaveTextContent(
      'Enter the name of a QoS profile',
    );
  });

  it('403: says the user may not, and Apply stays blocked', async () => {
    answerPatch(() =>
      HttpResponse.json(
        {
          error: { name: 'NotAllowedError', message: 'denied by policy' },
          response: { statusCode: 403 },
        },
        { status: 403 },
      ),
    );
    await render();
    await changeToReview();
    expect(
      await screen.findByTestId('write-error-forbidden'),
    ).toHaveTextContent('You may not do this');
    expect(getControl('Apply')).toBeDisabled();
  });

  it('not offered when the policy refuses kubeslice.slice.update', async () => {
    await render([deny], 'tetris');
    expect(await screen.findByTestId('change-not-allowed')).toHaveTextContent(
      'You may not change this slice (kubeslice.slice.update).',
    );
    expect(screen.queryByTestId('cluster-table')).not.toBeInTheDocument();
  });

  it('409: someone else changed the slice; reload and re-apply the same change', async () => {
    answerPatch((dryRun, n) => {
      if (dryRun) return HttpResponse.json(writeResult('kind: SliceConfig\n'));
      if (n === 2)
        return HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message: 'the slice kept changing',
            },
          },
          { status: 409 },
        );
      return HttpResponse.json({ ...writeResult('kind: x\n'), dryRun: false });
    });
    await render();
    await changeToReview();
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    expect(await screen.findByTestId('conflict-dialog')).toHaveTextContent(
      'the slice kept changing',
    );
    const readsBefore = reads();
    fireEvent.click(getControl('Reload and re-apply'));
    await waitFor(() => expect(patches).toHaveLength(4), { timeout: 10000 });
    expect(reads()).toBeGreaterThan(readsBefore);
    expect(patches[3]).toEqual({ search: '', body: patches[1].body });
    expect(await screen.findByTestId('change-done-link')).toBeInTheDocument();
  });

  it('asks before leaving with unsaved input', async () => {
    await render();
    await waitFor(() => expect(row('gcp-west')).toBeChecked());
    fireEvent.click(row('gcp-west'));
    fireEvent.click(getControl('away', 'a'));
    expect(await screen.findByTestId('leave-dialog')).toBeInTheDocument();
    fireEvent.click(getControl('Stay'));
    await waitFor(() =>
      expect(screen.queryByTestId('leave-dialog')).not.toBeInTheDocument(),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/slices/demo/arcade/pacman/edit',
    );
    fireEvent.click(getControl('away', 'a'));
    fireEvent.click(await waitFor(() => getControl('Leave')));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^\/slices$/),
    );
  });
});

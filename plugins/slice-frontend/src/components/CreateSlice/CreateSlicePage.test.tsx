import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Link, useLocation } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { getControl } from '../../__testUtils__/controls';
import {
  createFleet,
  operation,
  writeResult,
} from '../../__testUtils__/createSliceFixtures';
import {
  BASE,
  allowArcade,
  setupCreateSliceWizard,
} from '../../__testUtils__/createSliceHarness';
import { CreateSliceButton } from './CreateSliceButton';

function Where() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

describe('CreateSlicePage', () => {
  const {
    server,
    posts,
    answerCreate,
    render,
    input,
    next,
    pick,
    fillToReview,
  } = setupCreateSliceWizard();

  it('offers only the projects the user may create slices in', async () => {
    await render();
    await waitFor(() =>
      expect(input('project-select')).toHaveValue('demo/arcade'),
    );
    // The name is checked as it is typed; an existing slice's name is taken.
    fireEvent.change(input('slice-name'), { target: { value: 'pacman' } });
    expect(screen.getByTestId('slice-name-help')).toHaveTextContent(
      'Project arcade already has a slice pacman.',
    );
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    fireEvent.mouseDown(
      within(screen.getByTestId('wizard-panel-project')).getAllByRole(
        'button',
      )[0],
    );
    const acme = await screen.findByTestId('project-option-acme');
    expect(acme).toHaveAttribute('aria-disabled', 'true');
    expect(acme).toHaveTextContent('you may not create slices here');
  });

  it('lists clusters with why they cannot join, suggests a free subnet, reviews, applies and follows progress to the new slice', async () => {
    answerCreate(dryRun =>
      HttpResponse.json(
        dryRun
          ? writeResult('kind: SliceConfig\nmetadata:\n  name: tetris\n', [
              {
                path: 'metadata.name',
                code: 'name.tooLong',
                message: 'keep it short',
                severity: 'warning',
              },
            ])
          : {
              ...writeResult('kind: SliceConfig\n'),
              dryRun: false,
              operation: operation('running', [
                { id: 'members', title: 'Members ready', state: 'running' },
                { id: 'tunnels', title: 'Tunnels UP', state: 'pending' },
              ]),
            },
        { status: dryRun ? 200 : 201 },
      ),
    );
    let polls = 0;
    server.use(
      http.get(`${BASE}/operations/op-1`, () => {
        polls++;
        return polls < 2
          ? HttpResponse.json(
              operation('running', [
                { id: 'members', title: 'Members ready', state: 'done' },
                { id: 'tunnels', title: 'Tunnels UP', state: 'running' },
              ]),
            )
          : HttpResponse.json(
              operation('done', [
                { id: 'members', title: 'Members ready', state: 'done' },
                { id: 'tunnels', title: 'Tunnels UP', state: 'done' },
              ]),
            );
      }),
    );
    await render();
    await waitFor(() => expect(input('slice-name')).toBeInTheDocument());
    fireEvent.change(input('slice-name'), { target: { value: 'tetris' } });
    next();
    expect(screen.getByTestId('cluster-why-edge-nyc')).toHaveTextContent(
      'not registered',
    );
    expect(screen.getByTestId('cluster-why-broken')).toHaveTextContent(
      'no slice network (NSM) on it, unhealthy',
    );
    expect(screen.queryByTestId('cluster-row-acme-1')).not.toBeInTheDocument();
    pick('aws-east');
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    expect(
      screen.getByText('A slice needs at least two clusters.'),
    ).toBeVisible();
    pick('gcp-west');
    pick('azure-north');
    pick('edge-nyc'); // not pickable: nothing happens
    expect(screen.getByTestId('clusters-selected')).toHaveTextContent(
      '3 selected',
    );
    next();
    // pacman has 10.1/16, aws-east's CNI 10.2/16
    expect(input('subnet')).toHaveValue('10.3.0.0/16');
    expect(screen.getByTestId('subnet-suggestion')).toHaveTextContent(
      'Suggested 10.3.0.0/16',
    );
    expect(screen.getByText(/Fixed once the slice exists/)).toBeVisible();
    next();
    next();
    fireEvent.change(input('qos-ceiling'), { target: { value: '100' } });
    expect(
      screen.getByText(
        'The ceiling must be at least the guaranteed bandwidth.',
      ),
    ).toBeVisible();
    fireEvent.change(input('qos-ceiling'), { target: { value: '50000' } });
    fireEvent.click(screen.getByTestId('wizard-next'));

    expect(await screen.findByText(/name: tetris/)).toBeInTheDocument();
    expect(screen.getByTestId('finding')).toHaveTextContent('keep it short');
    expect(posts[0]).toEqual({
      url: '?dryRun=true',
      body: {
        name: 'tetris',
        spec: expect.objectContaining({
          clusters: ['aws-east', 'gcp-west', 'azure-north'],
          sliceSubnet: '10.3.0.0/16',
          maxClusters: 16,
          qosProfileDetails: expect.objectContaining({
            bandwidthCeilingKbps: 50000,
          }),
        }),
      },
    });
    fireEvent.click(getControl('Apply'));
    expect(await screen.findByTestId('slice-ready')).toBeInTheDocument();
    expect(posts[1].url).toBe('');
    expect(screen.getByTestId('op-step-tunnels')).toHaveTextContent(
      'Tunnels UP — done',
    );
    expect(getControl('Open slice tetris', 'a')).toHaveAttribute(
      'href',
      '/slices/demo/arcade/tetris',
    );
  });

  it('picks clusters on the map as well as in the list, and rings the chosen ones there', async () => {
    await render();
    await waitFor(() => expect(input('slice-name')).toBeInTheDocument());
    fireEvent.change(input('slice-name'), { target: { value: 'tetris' } });
    next();
    const onMap = screen.getByTestId('map-cluster-gcp-west');
    expect(onMap).toHaveAttribute('data-selected', 'false');
    fireEvent.click(onMap);
    expect(screen.getByTestId('clusters-selected')).toHaveTextContent(
      '1 selected',
    );
    expect(onMap).toHaveAttribute('data-selected', 'true');
    fireEvent.click(onMap);
    expect(onMap).toHaveAttribute('data-selected', 'false');
  });

  it('shows a preflight refusal beside its field, blocks apply, and goes back to the step', async () => {
    answerCreate(() =>
      HttpResponse.json(
        {
          error: {
            name: 'InputError',
            message: 'Preflight refused',
            fields: [
              {
                path: 'spec.sliceSubnet',
                message: '10.3.0.0/16 overlaps the CNI subnet of gcp-west',
                source: 'preflight',
                code: 'subnet.overlapsCni',
              },
            ],
          },
        },
        { status: 400 },
      ),
    );
    await render();
    await fillToReview();
    const finding = await screen.findByTestId('finding');
    expect(finding).toHaveTextContent('overlaps the CNI subnet of gcp-west');
    expect(finding).toHaveTextContent('Go to Network');
    expect(getControl('Apply')).toBeDisabled();
    // No object from the hub: the request is shown instead.
    expect(screen.getByTestId('review')).toHaveTextContent(
      'sliceSubnet: 10.3.0.0/16',
    );
    expect(screen.getByTestId('wizard-step-network')).toHaveTextContent(
      '1 to fix',
    );
    fireEvent.click(finding);
    expect(screen.getByTestId('subnet-help')).toHaveTextContent(
      'overlaps the CNI subnet of gcp-west',
    );
    expect(input('subnet')).toHaveAttribute('aria-invalid', 'true');
  });

  it('says so when the policy refuses the write', async () => {
    answerCreate(dryRun =>
      dryRun
        ? HttpResponse.json(writeResult('kind: SliceConfig\n'))
        : HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message: "You may not create slices in project 'arcade'",
                permission: 'kubeslice.slice.create',
              },
            },
            { status: 403 },
          ),
    );
    await render();
    await fillToReview();
    fireEvent.click(await screen.findByText('Apply'));
    expect(
      await screen.findByTestId('write-error-forbidden'),
    ).toHaveTextContent(
      "You may not do this: You may not create slices in project 'arcade'",
    );
  });

  it('offers to reload and re-apply after a 409', async () => {
    let applies = 0;
    answerCreate(dryRun => {
      if (dryRun) return HttpResponse.json(writeResult('kind: SliceConfig\n'));
      applies++;
      return applies === 1
        ? HttpResponse.json(
            { error: { name: 'ConflictError', message: 'modified' } },
            { status: 409 },
          )
        : HttpResponse.json(
            { ...writeResult('kind: SliceConfig\n'), dryRun: false },
            { status: 201 },
          );
    });
    await render();
    await fillToReview();
    fireEvent.click(await screen.findByText('Apply'));
    const dialog = await screen.findByTestId('conflict-dialog');
    expect(dialog).toHaveTextContent('Someone else changed this');
    fireEvent.click(getControl('Reload and re-apply'));
    expect(await screen.findByTestId('create-applied')).toBeInTheDocument();
    expect(posts.map(p => p.url)).toEqual([
      '?dryRun=true',
      '',
      '?dryRun=true',
      '',
    ]);
  });

  it('keeps the input and retries when the backend cannot be reached', async () => {
    let fail = true;
    answerCreate(() =>
      fail ? HttpResponse.error() : HttpResponse.json(writeResult('kind: X\n')),
    );
    await render();
    await fillToReview();
    expect(
      await screen.findByTestId('write-error-network'),
    ).toBeInTheDocument();
    fail = false;
    fireEvent.click(getControl('Try again'));
    await waitFor(() =>
      expect(screen.getByTestId('review')).toHaveTextContent('kind: X'),
    );
    expect(screen.queryByTestId('write-error-network')).not.toBeInTheDocument();
    fireEvent.click(getControl('Back'));
    expect(input('qos-priority')).toHaveValue(1);
  });

  it('asks before leaving with unsaved input', async () => {
    await render(
      <>
        <Link to="/elsewhere">away</Link>
        <Where />
      </>,
    );
    await waitFor(() => expect(input('slice-name')).toBeInTheDocument());
    // Nothing typed yet: leaving is not held.
    fireEvent.change(input('slice-name'), { target: { value: 'tet' } });
    fireEvent.click(getControl('away', 'a'));
    expect(await screen.findByTestId('leave-dialog')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/slices/create');
    fireEvent.click(getControl('Stay'));
    await waitFor(() =>
      expect(screen.queryByTestId('leave-dialog')).not.toBeInTheDocument(),
    );
    expect(input('slice-name')).toHaveValue('tet');
    fireEvent.click(getControl('away', 'a'));
    fireEvent.click(await screen.findByText('Leave'));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/elsewhere'),
    );
  });

  it("asks when the browser's Back button would leave with unsaved input", async () => {
    await render();
    await waitFor(() => expect(input('slice-name')).toBeInTheDocument());
    fireEvent.change(input('slice-name'), { target: { value: 'tet' } });
    // The guard's entry of the same address is on top, for Back to pop.
    await waitFor(() =>
      expect(window.history.state).toEqual({ sliceWizardLeaveGuard: true }),
    );
    act(() => window.history.back());
    expect(await screen.findByTestId('leave-dialog')).toBeInTheDocument();
    // Re-armed: a second Back would ask again.
    expect(window.history.state).toEqual({ sliceWizardLeaveGuard: true });
    fireEvent.click(getControl('Stay'));
    await waitFor(() =>
      expect(screen.queryByTestId('leave-dialog')).not.toBeInTheDocument(),
    );
    expect(input('slice-name')).toHaveValue('tet');
  });
});

describe('CreateSliceButton', () => {
  it('is disabled with the reason when the user may create slices nowhere', async () => {
    // Another hub's projects: usePermission caches decisions per resource across tests.
    const hubs = [{ ...createFleet.hubs[0], name: 'denied' }];
    await renderInTestApp(<CreateSliceButton hubs={hubs} />, {
      apis: [mockApis.permission({ authorize: AuthorizeResult.DENY })],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });
    await waitFor(() =>
      expect(screen.getByTestId('create-slice-reason')).toHaveAttribute(
        'aria-label',
        expect.stringContaining('You may not create slices in any project'),
      ),
    );
    expect(screen.getByTestId('create-slice-button')).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('links to the wizard when one project allows it', async () => {
    await renderInTestApp(<CreateSliceButton hubs={createFleet.hubs} />, {
      apis: [allowArcade],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
    });
    await waitFor(() =>
      expect(screen.getByTestId('create-slice-button')).toHaveAttribute(
        'href',
        '/slices/create',
      ),
    );
  });
});

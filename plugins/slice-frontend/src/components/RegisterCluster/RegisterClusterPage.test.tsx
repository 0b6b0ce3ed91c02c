import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Link } from 'react-router-dom';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { getControl } from '../../__testUtils__/controls';
import {
  BASE,
  allowArcade,
  setupRegisterClusterWizard,
} from '../../__testUtils__/registerClusterHarness';
import { RegisterClusterButton } from './RegisterClusterButton';
import { registerFleet, registrationValues, writeAnswer } from './testFixtures';

const denyAll = mockApis.permission({ authorize: AuthorizeResult.DENY });
/**
 * usePermission caches decisions (SWR) across the tests of a file: the denial tests ask about
 * a project no other test asks about.
 */
const otherHubs = [
  { ...registerFleet.hubs[0], name: 'prod', projects: ['ops'] },
];

describe('RegisterClusterWizard', () => {
  const {
    server,
    posts,
    answerRegister,
    render,
    input,
    type,
    next,
    fillToReview,
  } = setupRegisterClusterWizard();

  it('creates the Cluster, shows the install values and waits until the worker reports Registered', async () => {
    answerRegister(dryRun =>
      HttpResponse.json(writeAnswer(dryRun, dryRun ? undefined : 'op-7'), {
        status: dryRun ? 200 : 201,
      }),
    );
    server.use(
      http.get(`${BASE}/operations/op-7`, () =>
        HttpResponse.json({
          ...writeAnswer(false, 'op-7').operation,
          state: 'done',
        }),
      ),
    );
    let valuesAsked = 0;
    const endpoints: unknown[] = [];
    server.use(
      http.post(
        `${BASE}/projects/demo/arcade/clusters/edge-ams/registration-values`,
        async ({ request }) => {
          valuesAsked += 1;
          endpoints.push(await request.json().catch(() => undefined));
          // The controller has not issued the worker Secret the first time.
          return valuesAsked === 1
            ? HttpResponse.json(
                { error: { name: 'ConflictError', message: 'not yet' } },
                { status: 409 },
              )
            : HttpResponse.json(registrationValues);
        },
      ),
    );
    let statusAsked = 0;
    server.use(
      http.get(`${BASE}/clusters/demo/edge-ams`, () => {
        statusAsked += 1;
        if (statusAsked === 1)
          return HttpResponse.json(
            { error: { name: 'NotFoundError', message: 'no' } },
            { status: 404 },
          );
        return HttpResponse.json({
          ...registerFleet.clusters[0],
          name: 'edge-ams',
          registrationStatus: statusAsked < 4 ? 'Pending' : 'Registered',
          components: [],
          namespaces: [],
          events: [],
          workerConnection: { state: 'ok' },
        });
      }),
    );
    await render();
    await fillToReview();
    const reviewed = await screen.findByTestId('review');
    // The code block's highlighter loads lazily.
    await waitFor(() => expect(reviewed).toHaveTextContent('kind: Cluster'));
    expect(posts[0]).toEqual({
      search: '?dryRun=true',
      body: {
        name: 'edge-ams',
        spec: {
          networkInterface: 'eth0',
          nodeIPs: ['10.0.0.1', '10.0.0.2'],
          clusterProperty: {
            geoLocation: {
              cloudProvider: 'aws',
              cloudRegion: 'eu-west-1',
              latitude: '52.37',
              longitude: '4.89',
            },
          },
        },
      },
    });
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('register-result');
    expect(posts[1].search).toBe('');
    expect(posts[1].body).toEqual(posts[0].body);

    // The values, after the 409, with the command and the repository.
    const values = await screen.findByTestId('values-file');
    await waitFor(() => expect(values).toHaveTextContent('token: c2VjcmV0'));
    expect(values).toHaveTextContent('Download worker-values.yaml');
    expect(screen.getByTestId('install-command')).toHaveTextContent(
      'helm repo add kubeslice https://kubeslice.github.io/kubeslice/',
    );
    expect(screen.getByTestId('install-command')).toHaveTextContent(
      '-f worker-values.yaml',
    );
    expect(valuesAsked).toBe(2);

    // Copy puts the values on the clipboard.
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    fireEvent.click(values.querySelector('button') as HTMLButtonElement);
    await waitFor(() =>
      expect(writeText).toHaveBeenCalledWith(registrationValues.yaml),
    );
    await screen.findByText('Copied');

    // A worker API URL asks for the values again with it.
    type('cluster-endpoint', 'https://edge-ams.example.com:6443');
    fireEvent.click(getControl('Update values'));
    await waitFor(() =>
      expect(endpoints).toContainEqual({
        clusterEndpoint: 'https://edge-ams.example.com:6443',
      }),
    );

    const wait = screen.getByTestId('registration-wait');
    await waitFor(() =>
      expect(wait).toHaveAttribute('data-state', 'registered'),
    );
    expect(wait).toHaveTextContent('Cluster edge-ams is registered.');
    // Not found, then Pending twice, then Registered.
    expect(statusAsked).toBeGreaterThanOrEqual(4);
  });

  it('checks the name and the coordinates before going on', async () => {
    await render();
    await waitFor(() => expect(input('cluster-name')).toBeInTheDocument());
    await waitFor(() =>
      expect(screen.getByTestId('project-select')).toHaveTextContent('arcade'),
    );
    type('cluster-name', 'aws-east');
    expect(
      input('cluster-name').closest('.MuiFormControl-root'),
    ).toHaveTextContent('Project arcade already has a cluster aws-east.');
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    type('cluster-name', 'Edge_AMS');
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    type('cluster-name', 'edge-ams');
    next();
    type('cluster-latitude', '95');
    expect(screen.getByText('Must be from -90 to 90.')).toBeInTheDocument();
    type('cluster-latitude', '52°N');
    expect(
      screen.getByText('"52°N" is not a decimal number.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    type('cluster-latitude', '52.37');
    expect(
      screen.getByText('Give both latitude and longitude, or neither.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    fireEvent.click(getControl('Clear location'));
    expect(screen.getByTestId('wizard-next')).toBeEnabled();
  });

  it('picks the location on the map', async () => {
    await render();
    await waitFor(() => expect(input('cluster-name')).toBeInTheDocument());
    type('cluster-name', 'edge-ams');
    await waitFor(() =>
      expect(screen.getByTestId('wizard-next')).toBeEnabled(),
    );
    next();
    const map = screen.getByTestId('fleet-map');
    map.getBoundingClientRect = () =>
      ({ left: 0, top: 0, width: 960, height: 480 } as DOMRect);
    // The centre of the view box is 0°, 0°.
    fireEvent.click(map, { clientX: 480, clientY: 240 });
    expect(input('cluster-latitude')).toHaveValue('0');
    expect(input('cluster-longitude')).toHaveValue('0');
    // Off the globe (a corner) picks nothing.
    fireEvent.click(map, { clientX: 2, clientY: 2 });
    expect(input('cluster-latitude')).toHaveValue('0');
  });

  it("shows preflight's refusal beside the field and goes back to its step", async () => {
    answerRegister(() =>
      HttpResponse.json(
        {
          error: {
            name: 'InputError',
            message: 'refused',
            fields: [
              {
                path: 'spec.nodeIPs[0]',
                message: '"10.0.0" is not an IP address',
                source: 'preflight',
                code: 'nodeIP.invalid',
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
    expect(finding).toHaveTextContent('"10.0.0" is not an IP address');
    expect(finding).toHaveTextContent('Go to Network');
    expect(getControl('Apply')).toBeDisabled();
    fireEvent.click(finding);
    expect(screen.getByTestId('wizard-panel-network')).toHaveTextContent(
      '"10.0.0" is not an IP address',
    );
  });

  it('keeps the form through a lost connection, and applies on retry', async () => {
    let applies = 0;
    answerRegister(dryRun => {
      if (dryRun) return HttpResponse.json(writeAnswer(true));
      applies += 1;
      return applies === 1
        ? HttpResponse.error()
        : HttpResponse.json(writeAnswer(false), { status: 201 });
    });
    server.use(
      http.post(
        `${BASE}/projects/demo/arcade/clusters/edge-ams/registration-values`,
        () => HttpResponse.json(registrationValues),
      ),
      http.get(`${BASE}/clusters/demo/edge-ams`, () => HttpResponse.error()),
    );
    await render();
    await fillToReview();
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('write-error-network');
    expect(screen.queryByTestId('register-result')).not.toBeInTheDocument();
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('register-result');
    // No connection while waiting: it says so and keeps asking.
    await screen.findByTestId('registration-reconnecting');
    expect(screen.getByTestId('registration-wait')).toHaveAttribute(
      'data-state',
      'waiting',
    );
  });

  it('offers to reload and re-apply after a 409', async () => {
    answerRegister(dryRun =>
      dryRun
        ? HttpResponse.json(writeAnswer(true))
        : HttpResponse.json(
            { error: { name: 'ConflictError', message: 'exists' } },
            { status: 409 },
          ),
    );
    await render();
    await fillToReview();
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    expect(await screen.findByTestId('conflict-dialog')).toHaveTextContent(
      'exists',
    );
  });

  it('asks before leaving with unsaved input', async () => {
    await render(allowArcade, <Link to="/elsewhere">away</Link>);
    await waitFor(() => expect(input('cluster-name')).toBeInTheDocument());
    type('cluster-name', 'edge-ams');
    fireEvent.click(screen.getByText('away'));
    expect(await screen.findByTestId('leave-dialog')).toBeInTheDocument();
  });

  it('is not offered to users who may not register clusters', async () => {
    server.use(
      http.get(`${BASE}/fleet`, () =>
        HttpResponse.json({ ...registerFleet, hubs: otherHubs }),
      ),
    );
    await render(denyAll);
    expect(await screen.findByTestId('register-not-allowed')).toHaveTextContent(
      'only platform engineers',
    );
  });
});

describe('RegisterClusterButton', () => {
  const render = (
    permission: ReturnType<typeof mockApis.permission>,
    hubs = registerFleet.hubs,
  ) =>
    renderInTestApp(<RegisterClusterButton hubs={hubs} />, {
      features: [slicePlugin],
      apis: [permission],
      mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
      initialRouteEntries: ['/slices'],
    });

  it('links platform users to the wizard', async () => {
    await render(allowArcade);
    expect(
      await screen.findByTestId('register-cluster-button'),
    ).toHaveAttribute('href', '/slices/register-cluster');
  });

  it('is not shown to others', async () => {
    const { container } = await render(denyAll, otherHubs);
    await new Promise(r => setTimeout(r, 50));
    expect(
      container.querySelector('[data-testid="register-cluster-button"]'),
    ).toBeNull();
  });
});

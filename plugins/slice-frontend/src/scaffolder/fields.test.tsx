import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import { slicePlugin } from '../plugin';
import { createFleet } from '../__testUtils__/createSliceFixtures';
import { sliceDetail } from '../__testUtils__/fixtures';
import { KubesliceClusterPicker } from './KubesliceClusterPicker';
import { SliceNamespacePicker } from './SliceNamespacePicker';
import { SlicePicker } from './SlicePicker';

const BASE = '*/api/slice/v1';

/** The props the scaffolder's form gives a field, with the value kept in state. */
function Field<T>({
  component: Component,
  initial,
  formData,
  onValue,
}: {
  component: (props: any) => JSX.Element | null;
  initial?: T;
  formData: Record<string, unknown>;
  onValue: (value: T) => void;
}) {
  const [value, setValue] = useState<T | undefined>(initial);
  return (
    <Component
      formData={value}
      onChange={(v: T) => {
        setValue(v);
        onValue(v);
      }}
      schema={{ title: 'The field' }}
      uiSchema={{}}
      rawErrors={[]}
      required
      formContext={{ formData }}
      idSchema={{ $id: 'root' }}
    />
  );
}

describe('scaffolder fields', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  beforeEach(() =>
    server.use(
      http.get(`${BASE}/fleet`, () => HttpResponse.json(createFleet)),
      http.get(`${BASE}/tunnels`, () =>
        HttpResponse.json({ items: [], errors: [] }),
      ),
    ),
  );

  it("KubesliceClusterPicker: picks the project's clusters, ignores the form's empty entries, says why others cannot join", async () => {
    const values: string[][] = [];
    await renderInTestApp(
      <Field
        component={KubesliceClusterPicker}
        initial={[undefined, undefined] as unknown as string[]}
        formData={{ hub: 'demo', project: 'arcade' }}
        onValue={v => values.push(v as string[])}
      />,
      { features: [slicePlugin] },
    );
    expect(await screen.findByTestId('clusters-selected')).toHaveTextContent(
      '0 selected',
    );
    expect(screen.queryByTestId('cluster-row-acme-1')).not.toBeInTheDocument();
    const pending = screen.getByTestId('cluster-row-edge-nyc');
    expect(within(pending).getByText(/not registered/)).toBeInTheDocument();
    expect(within(pending).getByRole('checkbox')).toBeDisabled();
    fireEvent.click(
      within(screen.getByTestId('cluster-row-aws-east')).getByRole('checkbox'),
    );
    fireEvent.click(
      within(screen.getByTestId('cluster-row-gcp-west')).getByRole('checkbox'),
    );
    expect(values[values.length - 1]).toEqual(['aws-east', 'gcp-west']);
    expect(screen.getByTestId('clusters-selected')).toHaveTextContent(
      '2 selected',
    );
  });

  it('SlicePicker: offers the slices of the form’s project and sets the name', async () => {
    const values: string[] = [];
    await renderInTestApp(
      <Field
        component={SlicePicker}
        formData={{ hub: 'demo', project: 'arcade' }}
        onValue={v => values.push(v as string)}
      />,
      { features: [slicePlugin] },
    );
    fireEvent.mouseDown(
      within(await screen.findByTestId('slice-picker')).getByRole('button'),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: /pacman \(arcade\)/ }),
    );
    expect(values).toEqual(['pacman']);
  });

  it('SlicePicker: says so when the project has no slice the user can see', async () => {
    await renderInTestApp(
      <Field
        component={SlicePicker}
        formData={{ project: 'acme' }}
        onValue={() => {}}
      />,
      { features: [slicePlugin] },
    );
    expect(
      await screen.findByText(/No slice you can see here/),
    ).toBeInTheDocument();
  });

  it('SlicePicker: lists a slice the user may not change, disabled and saying so', async () => {
    const tetris = { ...createFleet.slices[0], name: 'tetris' };
    server.use(
      http.get(`${BASE}/fleet`, () =>
        HttpResponse.json({
          ...createFleet,
          slices: [...createFleet.slices, tetris],
        }),
      ),
    );
    await renderInTestApp(
      <Field
        component={SlicePicker}
        formData={{ hub: 'demo', project: 'arcade' }}
        onValue={() => {}}
      />,
      {
        features: [slicePlugin],
        apis: [
          mockApis.permission({
            authorize: req =>
              (req as { resourceRef?: string }).resourceRef ===
              'demo/arcade/pacman'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          }),
        ],
      },
    );
    fireEvent.mouseDown(
      within(await screen.findByTestId('slice-picker')).getByRole('button'),
    );
    const denied = await screen.findByRole('option', {
      name: /tetris \(arcade\) — you may not change it/,
    });
    expect(denied).toHaveAttribute('aria-disabled', 'true');
    expect(
      screen.getByRole('option', { name: /pacman \(arcade\)$/ }),
    ).not.toHaveAttribute('aria-disabled', 'true');
  });

  it("SliceNamespacePicker: shows what the namespace is bound to on each member, a conflict explained, and the members' namespaces to pick", async () => {
    server.use(
      http.get(`${BASE}/slices/demo/arcade/pacman`, () =>
        HttpResponse.json({
          ...sliceDetail,
          sliceConfig: {
            spec: {
              namespaceIsolationProfile: {
                applicationNamespaces: [
                  { namespace: 'pacman', clusters: ['*'] },
                  { namespace: 'mongodb', clusters: ['*'] },
                ],
              },
            },
          },
        }),
      ),
      http.get(`${BASE}/clusters/demo/:name`, ({ params }) =>
        HttpResponse.json({
          hub: 'demo',
          name: params.name,
          namespaces:
            params.name === 'gcp-west'
              ? [{ name: 'shared', slice: 'leaderboard' }]
              : [{ name: 'shared' }],
        }),
      ),
    );
    const values: string[] = [];
    await renderInTestApp(
      <Field
        component={SliceNamespacePicker}
        initial="mongodb"
        formData={{ hub: 'demo', project: 'arcade', slice: 'pacman' }}
        onValue={v => values.push(v as string)}
      />,
      { features: [slicePlugin] },
    );
    // mongodb is on the slice: onboarded on aws-east, still pending on the others.
    expect(await screen.findByTestId('binding-aws-east')).toHaveTextContent(
      /^aws-eastonboarded$/,
    );
    expect(screen.getByTestId('binding-gcp-west')).toHaveTextContent(
      'listed, not onboarded yet',
    );
    // Picking a namespace a member reports on another slice shows the conflict.
    fireEvent.click(screen.getByRole('button', { name: 'shared' }));
    expect(values).toEqual(['shared']);
    expect(
      await screen.findByText(
        /On slice leaderboard on gcp-west: a namespace can be on one slice per cluster/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('binding-aws-east')).toHaveTextContent(
      /^aws-eastexists, on no slice$/,
    );
  });

  it('SliceNamespacePicker: asks for a slice first', async () => {
    await renderInTestApp(
      <Field
        component={SliceNamespacePicker}
        formData={{ hub: 'demo', project: 'arcade' }}
        onValue={() => {}}
      />,
      { features: [slicePlugin] },
    );
    expect(await screen.findByText(/Pick a slice first/)).toBeInTheDocument();
    expect(screen.getByRole('textbox')).toBeDisabled();
  });
});

import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import { slicePlugin } from '../plugin';
import { createFleet } from '../__testUtils__/createSliceFixtures';
import { KubesliceClusterPicker } from './KubesliceClusterPicker';
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
});

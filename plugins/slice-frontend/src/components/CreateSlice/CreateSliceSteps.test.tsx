import { fireEvent, screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { getControl } from '../../__testUtils__/controls';
import { writeResult } from '../../__testUtils__/createSliceFixtures';
import { setupCreateSliceWizard } from '../../__testUtils__/createSliceHarness';

describe('CreateSlicePage steps', () => {
  const { posts, answerCreate, render, input, next, pick, fillToQos } =
    setupCreateSliceWizard();

  it('keeps the suggested subnet button on one line', async () => {
    await render();
    fireEvent.change(await screen.findByTestId('slice-name'), {
      target: { value: 'tetris' },
    });
    next();
    pick('aws-east');
    pick('gcp-west');
    next();
    fireEvent.change(input('subnet'), { target: { value: '10.9.0.0/16' } });
    const use = screen.getByTestId('use-suggested-subnet');
    expect(use).toHaveTextContent('Use 10.3.0.0/16');
    expect(use).toHaveStyle({ whiteSpace: 'nowrap', flexShrink: '0' });
    fireEvent.click(use);
    expect(input('subnet')).toHaveValue('10.3.0.0/16');
  });

  it('blocks Review while a QoS profile has no name, saying so beside the field', async () => {
    answerCreate(() => HttpResponse.json(writeResult('kind: SliceConfig\n')));
    await render();
    await fillToQos();
    const profile = within(
      screen.getByTestId('wizard-panel-qos'),
    ).getByDisplayValue('profile');
    // The primary colour, as every other control (MUI's default is the secondary).
    expect(profile.closest('[class*="MuiRadio-root"]')?.className).toContain(
      'MuiRadio-colorPrimary',
    );
    fireEvent.click(profile);
    const required =
      'Enter the name of a QoS profile of the project, or choose custom values.';
    expect(screen.getByTestId('qos-profile-help')).toHaveTextContent(required);
    expect(input('qos-profile')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('wizard-next')).toBeDisabled();
    expect(screen.getByTestId('wizard-blocker')).toHaveTextContent(required);
    expect(
      screen.getByTestId('wizard-step-review').querySelector('button'),
    ).toBeDisabled();

    fireEvent.change(input('qos-profile'), { target: { value: 'gold' } });
    expect(screen.getByTestId('qos-profile-help')).toHaveTextContent(
      'The name of a SliceQoSConfig in project arcade.',
    );
    expect(input('qos-profile')).toHaveAttribute('aria-invalid', 'false');
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(await screen.findByTestId('review')).toBeInTheDocument();
    expect(posts[0].body.spec.standardQosProfileName).toBe('gold');
  });

  it('renames the review step once the slice is created', async () => {
    answerCreate(dryRun =>
      HttpResponse.json(
        { ...writeResult('kind: SliceConfig\n'), dryRun },
        { status: dryRun ? 200 : 201 },
      ),
    );
    await render();
    await fillToQos();
    fireEvent.click(screen.getByTestId('wizard-next'));
    await screen.findByTestId('review');
    // The panel's title: the first heading in it (the review's own come after).
    const title = () =>
      screen.getByTestId('wizard-panel-review').querySelector('h5');
    expect(title()).toHaveTextContent(/^Review$/);
    fireEvent.click(getControl('Apply'));
    await screen.findByTestId('create-applied');
    expect(title()).toHaveTextContent(/^Follow the creation$/);
    expect(screen.getByTestId('wizard-step-review')).toHaveTextContent(
      'Follow the creation',
    );
  });
});

import { screen } from '@testing-library/react';
import { setupOnboardWizard } from '../../__testUtils__/onboardHarness';

describe('NamespaceGridStep', () => {
  const { render, toGrid, toggle, addNamespace } = setupOnboardWizard();

  it('draws its checkboxes in the primary colour, and a changed row in a tint of it', async () => {
    await render();
    await toGrid();
    addNamespace('web');
    toggle('web', 'aws-eu');
    // MUI's class names carry a counter in tests (MuiCheckbox-colorPrimary-373).
    const box = (testId: string) =>
      screen.getByTestId(testId).closest('[class*="MuiCheckbox-root"]');
    expect(box('toggle-web-aws-eu')?.className).toContain(
      'MuiCheckbox-colorPrimary',
    );
    expect(box('every-web')?.className).toContain('MuiCheckbox-colorPrimary');

    const changed = screen.getByTestId('grid-row-web');
    expect(changed).toHaveAttribute('data-changed', 'true');
    // The light theme's primary (#1F5493), not the grey of action.selected the striping
    // resembles.
    expect(window.getComputedStyle(changed).backgroundColor).toBe(
      'rgba(31, 84, 147, 0.12)',
    );
  });
});

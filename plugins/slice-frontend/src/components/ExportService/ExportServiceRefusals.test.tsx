import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Link, useLocation } from 'react-router-dom';
import { getControl } from '../../__testUtils__/controls';
import {
  BASE,
  setupExportServiceWizard,
} from '../../__testUtils__/exportServiceHarness';

function Where() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

describe('ExportServiceWizard refusals', () => {
  const { server, render, input, fillToReview, answerExport, handedOut } =
    setupExportServiceWizard();

  it('shows a preflight refusal beside the field it is about, and blocks apply', async () => {
    server.use(
      http.post(`${BASE}/slices/demo/arcade/pacman/exports`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'Preflight refused',
              fields: [
                {
                  path: 'namespace',
                  message: 'namespace pacman does not exist on aws-east',
                  source: 'preflight',
                  code: 'namespace.missing',
                },
              ],
            },
          },
          { status: 400 },
        ),
      ),
    );
    await render();
    await fillToReview();
    const finding = await screen.findByTestId('finding');
    expect(finding).toHaveTextContent(
      'namespace pacman does not exist on aws-east',
    );
    expect(finding).toHaveTextContent('Go to Service');
    expect(getControl('Apply')).toBeDisabled();
    expect(screen.getByTestId('wizard-step-service')).toHaveTextContent(
      '1 to fix',
    );
    fireEvent.click(finding);
    expect(screen.getByTestId('export-namespace-help')).toHaveTextContent(
      'namespace pacman does not exist on aws-east',
    );
    expect(input('export-namespace')).toHaveAttribute('aria-invalid', 'true');
  });

  it('a 403 on apply says who refused what, with the permission, and shows no result', async () => {
    answerExport(() =>
      HttpResponse.json(
        {
          error: {
            name: 'NotAllowedError',
            message:
              "You may not change slice 'pacman' in project 'arcade' on hub 'demo' (kubeslice.slice.update)",
            permission: 'kubeslice.slice.update',
          },
        },
        { status: 403 },
      ),
    );
    await render();
    await fillToReview();
    fireEvent.click(getControl('Apply'));
    const refusal = await screen.findByTestId('write-error-forbidden');
    expect(refusal).toHaveTextContent(
      "You may not do this: You may not change slice 'pacman'",
    );
    expect(refusal).toHaveTextContent('(kubeslice.slice.update)');
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
  });

  it('asks before leaving with unsaved input', async () => {
    await render(
      undefined,
      undefined,
      <>
        <Link to="/elsewhere">away</Link>
        <Where />
      </>,
    );
    await waitFor(() => expect(input('export-name')).toHaveValue('scores'));
    // As it opened (the link's namespace and service): leaving is not held.
    const start = screen.getByTestId('location').textContent;
    fireEvent.change(input('export-name'), { target: { value: 'scores-v2' } });
    fireEvent.click(getControl('away', 'a'));
    expect(await screen.findByTestId('leave-dialog')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(start!);
    fireEvent.click(getControl('Stay'));
    await waitFor(() =>
      expect(screen.queryByTestId('leave-dialog')).not.toBeInTheDocument(),
    );
    expect(input('export-name')).toHaveValue('scores-v2');
    fireEvent.click(getControl('away', 'a'));
    fireEvent.click(await waitFor(() => getControl('Leave')));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/elsewhere'),
    );
  });

  it('shows the YAML with room per line, and wraps the manifest’s long lines', async () => {
    answerExport(handedOut);
    await render();
    await fillToReview();
    // The theme's body2 line height (1.43), not the page's, which may be `normal`.
    expect(screen.getByTestId('review').querySelector('pre')).toHaveStyle({
      lineHeight: '1.43',
    });
    fireEvent.click(getControl('Apply'));
    const block = await screen.findByTestId('export-manifest');
    await waitFor(() => expect(block).toHaveTextContent('kind: ServiceExport'));
    const pre = block.querySelector('pre')!;
    expect(pre).toHaveStyle({ wordBreak: 'break-all', lineHeight: '1.43' });
    expect(pre.querySelector('code')).toHaveStyle({ whiteSpace: 'pre-wrap' });
  });
});

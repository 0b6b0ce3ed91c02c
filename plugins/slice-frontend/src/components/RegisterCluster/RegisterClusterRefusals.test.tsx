import { fireEvent, screen } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { getControl } from '../../__testUtils__/controls';
import { setupRegisterClusterWizard } from '../../__testUtils__/registerClusterHarness';
import { writeAnswer } from './testFixtures';

describe('RegisterClusterWizard refusals', () => {
  const { posts, answerRegister, render, fillToReview } =
    setupRegisterClusterWizard();

  it('a 403 on apply says who refused what, with the permission, and shows no install values', async () => {
    answerRegister(dryRun =>
      dryRun
        ? HttpResponse.json(writeAnswer(true))
        : HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message:
                  "You may not register clusters in project 'arcade' on hub 'demo' (kubeslice.cluster.create)",
                permission: 'kubeslice.cluster.create',
              },
            },
            { status: 403 },
          ),
    );
    await render();
    await fillToReview();
    await screen.findByTestId('review');
    fireEvent.click(getControl('Apply'));
    const refusal = await screen.findByTestId('write-error-forbidden');
    expect(refusal).toHaveTextContent(
      "You may not do this: You may not register clusters in project 'arcade'",
    );
    expect(refusal).toHaveTextContent('(kubeslice.cluster.create)');
    expect(posts.map(p => p.search)).toEqual(['?dryRun=true', '']);
    expect(screen.queryByTestId('register-result')).not.toBeInTheDocument();
    // Not retried: a refusal is not a lost connection.
    expect(refusal).not.toHaveTextContent('Try again');
  });
});

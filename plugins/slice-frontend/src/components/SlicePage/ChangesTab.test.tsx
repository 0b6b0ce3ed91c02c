import { renderInTestApp } from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { auditEntries } from '../../__testUtils__/auditFixtures';
import { errorBody, setupSliceServer } from '../../__testUtils__/server';
import { getControl } from '../../__testUtils__/controls';
import { SlicePage } from './SlicePage';
import { CHANGES_LIMIT } from './ChangesTab';
import { actorName } from './ChangeTimeline';

function renderChanges() {
  return renderInTestApp(<SlicePage />, {
    features: [slicePlugin],
    mountPath: '/slices/:hub/:project/:name/*',
    initialRouteEntries: ['/slices/demo/arcade/pacman/changes'],
    mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
  });
}

describe('SlicePage Changes tab', () => {
  const { server, defaults } = setupSliceServer();
  let queries: URLSearchParams[];
  let items: ReturnType<typeof auditEntries>;
  beforeEach(() => {
    defaults();
    queries = [];
    items = auditEntries();
    server.use(
      http.get('*/api/slice/v1/audit', ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items });
      }),
    );
  });

  it("asks for this slice's records and shows who did what to which object, the outcome and when", async () => {
    await renderChanges();
    const entries = await screen.findAllByTestId('change-entry');
    expect(queries[0].get('hub')).toBe('demo');
    expect(queries[0].get('project')).toBe('arcade');
    expect(queries[0].get('slice')).toBe('pacman');
    expect(queries[0].get('limit')).toBe(String(CHANGES_LIMIT));
    // The dry run is hidden by default: three of four.
    expect(entries).toHaveLength(3);

    const [onboard, remove, exported] = entries;
    expect(onboard).toHaveTextContent('Onboarded namespace · slice pacman');
    expect(onboard).toHaveTextContent('succeeded');
    expect(onboard).toHaveTextContent('by alice · operation op-42');
    expect(onboard).toHaveTextContent(
      'onboard namespace ledger onto slice pacman on aws-east, gcp-west',
    );
    expect(onboard).toHaveTextContent('2 min ago');
    const time = onboard.querySelector('time')!;
    const at = items[0].at;
    expect(time).toHaveAttribute('dateTime', at);
    expect(time).toHaveAttribute('title', new Date(at).toLocaleString());
    expect(within(onboard).getByTestId('change-actor')).toHaveAttribute(
      'title',
      'user:default/alice',
    );

    expect(remove).toHaveTextContent('Deleted slice · slice pacman');
    expect(remove).toHaveTextContent('denied');
    expect(remove).toHaveTextContent(
      'user:default/bob may not delete slices in project arcade',
    );
    expect(exported).toHaveTextContent('Exported service · cluster edge-nyc');
    expect(exported).toHaveTextContent('failed');
    expect(exported).toHaveTextContent('by scaffolder');
    expect(exported).toHaveTextContent('3 h ago');
    expect(screen.getByTestId('changes-footer')).toHaveTextContent(
      'Dry runs hidden: 1',
    );
  });

  it('shows dry runs when asked, marked as such', async () => {
    await renderChanges();
    await screen.findAllByTestId('change-entry');
    fireEvent.click(screen.getByLabelText('Show dry runs'));
    const entries = screen.getAllByTestId('change-entry');
    expect(entries).toHaveLength(4);
    expect(entries[1]).toHaveTextContent('dry run');
    expect(entries[1]).toHaveTextContent('(preview)');
    expect(screen.getByTestId('changes-footer')).not.toHaveTextContent(
      'Dry runs hidden',
    );
  });

  it('filters by outcome, and says how to see the rest when nothing matches', async () => {
    await renderChanges();
    await screen.findAllByTestId('change-entry');
    fireEvent.mouseDown(screen.getByTestId('change-result-select'));
    fireEvent.click(getControl('failed', 'li[role="option"]'));
    const entries = screen.getAllByTestId('change-entry');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveTextContent('Exported service');

    fireEvent.mouseDown(screen.getByTestId('change-result-select'));
    fireEvent.click(getControl('rejected', 'li[role="option"]'));
    expect(await screen.findByText('No changes match')).toBeInTheDocument();
    expect(screen.queryByTestId('change-entry')).not.toBeInTheDocument();
  });

  it('says what is recorded here when the slice has no changes', async () => {
    server.use(
      http.get('*/api/slice/v1/audit', () => HttpResponse.json({ items: [] })),
    );
    await renderChanges();
    expect(
      await screen.findByText('No changes through the portal yet'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('change-timeline')).not.toBeInTheDocument();
  });

  it('a 403 from the audit API says so in the tab, and the slice page stays', async () => {
    server.use(
      http.get('*/api/slice/v1/audit', () =>
        errorBody(403, 'NotAllowedError', 'You may not read audit records'),
      ),
    );
    await renderChanges();
    expect(
      await screen.findByText('You may not see this change history'),
    ).toBeInTheDocument();
    expect(getControl('Events', '[role="tab"]')).toBeInTheDocument();
  });

  it('a failing audit API shows its error without hiding the events', async () => {
    server.use(
      http.get('*/api/slice/v1/audit', () =>
        errorBody(500, 'Error', 'audit store unavailable'),
      ),
    );
    await renderChanges();
    expect(
      await screen.findByText(/audit store unavailable/),
    ).toBeInTheDocument();
    fireEvent.click(getControl('Events', '[role="tab"]'));
    expect(await screen.findByTestId('event-timeline')).toBeInTheDocument();
  });
});

describe('actorName', () => {
  it('shortens entity refs and keeps anything else', () => {
    expect(actorName('user:default/alice')).toBe('alice');
    expect(actorName('user:alice')).toBe('alice');
    expect(actorName('plugin:scaffolder')).toBe('scaffolder');
    expect(actorName('system')).toBe('system');
  });
});

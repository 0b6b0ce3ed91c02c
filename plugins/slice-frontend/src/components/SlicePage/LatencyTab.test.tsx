import { renderInTestApp } from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { slicePlugin } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { latencySeries } from '../../__testUtils__/fixtures';
import { setupSliceServer } from '../../__testUtils__/server';
import { getControl } from '../../__testUtils__/controls';
import { SlicePage } from './SlicePage';

function renderLatency(search = '') {
  return renderInTestApp(<SlicePage />, {
    features: [slicePlugin],
    mountPath: '/slices/:hub/:project/:name/*',
    initialRouteEntries: [`/slices/demo/arcade/pacman/latency${search}`],
    mountedRoutes: { '/slices': convertLegacyRouteRef(rootRouteRef) },
  });
}

/** x of the first point of a pair's line in the chart's 900-wide view box. */
function firstX(pair: string): number {
  const line = screen.getByTestId(`series-${pair}`).querySelector('polyline');
  return Number(line!.getAttribute('points')!.split(',')[0]);
}

describe('LatencyTab window', () => {
  const { server, defaults } = setupSliceServer();
  let ranges: { from: number; to: number }[];
  let matrixWindows: string[];
  beforeEach(() => {
    defaults();
    ranges = [];
    matrixWindows = [];
    server.use(
      // A freshly started portal: the hour asked for holds only its last 3 minutes.
      http.get('*/api/slice/v1/latency', ({ request }) => {
        const url = new URL(request.url);
        const from = Date.parse(url.searchParams.get('from')!);
        const to = Date.parse(url.searchParams.get('to')!);
        ranges.push({ from, to });
        const answer = latencySeries(
          new Date(to - 3 * 60_000).toISOString(),
          new Date(to).toISOString(),
        );
        answer.stepSeconds = 15;
        return HttpResponse.json({
          ...answer,
          from: new Date(from).toISOString(),
          series: answer.series.map(s => ({
            ...s,
            // Samples every 30 s (the demo's sampling interval), in 15 s steps.
            points: s.points
              .filter(p => p.latencyMs !== null)
              .map((p, i) => ({
                ...p,
                t: new Date(to - 3 * 60_000 + i * 30_000).toISOString(),
              })),
          })),
        });
      }),
      http.get('*/api/slice/v1/latency/matrix', ({ request }) => {
        matrixWindows.push(
          new URL(request.url).searchParams.get('window') ?? '',
        );
        return HttpResponse.json({
          hub: 'demo',
          project: 'arcade',
          slice: 'pacman',
          from: new Date().toISOString(),
          to: new Date().toISOString(),
          window: '1h',
          resolution: 'raw',
          approximate: false,
          clusters: [],
          cells: [],
          worstPairs: [],
        });
      }),
    );
  });

  it('by default asks for the last hour and fits the axis to the minutes there are, as lines', async () => {
    await renderLatency();
    await screen.findByTestId('series-aws-east|edge-nyc');
    expect(ranges[0].to - ranges[0].from).toBe(3_600_000);
    expect(matrixWindows[0]).toBe('1h');
    expect(screen.getByTestId('latency-caption')).toHaveTextContent(
      'Fitted to the samples since',
    );
    // The 5 minutes shown start 2 minutes before the first sample: it is drawn in the
    // left half of the chart, not at the right edge of an hour.
    expect(firstX('aws-east|edge-nyc')).toBeLessThan(450);
    // 30 s samples in 15 s steps make one line, not a dot per sample.
    const pair = screen.getByTestId('series-aws-east|edge-nyc');
    expect(pair.querySelectorAll('polyline')).toHaveLength(1);
    expect(pair.querySelectorAll('circle')).toHaveLength(0);
  });

  it("keeps the user's window in the URL and draws that whole range", async () => {
    await renderLatency();
    await screen.findByTestId('series-aws-east|edge-nyc');
    fireEvent.click(getControl('1 h'));
    await waitFor(() =>
      expect(screen.getByTestId('latency-caption')).not.toHaveTextContent(
        'Fitted',
      ),
    );
    // The same samples now sit at the right edge of the hour.
    expect(firstX('aws-east|edge-nyc')).toBeGreaterThan(800);
  });

  it('opens with the window of the link', async () => {
    await renderLatency('?window=6h');
    await screen.findByTestId('series-aws-east|edge-nyc');
    expect(ranges[0].to - ranges[0].from).toBe(6 * 3_600_000);
    expect(matrixWindows).toContain('6h');
    expect(screen.getByTestId('latency-caption')).not.toHaveTextContent(
      'Fitted',
    );
  });
});

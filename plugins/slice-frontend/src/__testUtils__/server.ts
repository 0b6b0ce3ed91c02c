import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  events,
  latencySeries,
  matrix,
  sliceDetail,
  topology,
} from './fixtures';

const BASE = '*/api/slice/v1';

/** An msw server answering every read route of the slice backend with the fixtures; override per test. */
export function setupSliceServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  const defaults = () =>
    server.use(
      http.get(`${BASE}/slices/demo/arcade/pacman`, () =>
        HttpResponse.json(sliceDetail),
      ),
      http.get(`${BASE}/slices/demo/arcade/pacman/topology`, () =>
        HttpResponse.json(topology),
      ),
      http.get(`${BASE}/events`, ({ request }) => {
        const url = new URL(request.url);
        const type = url.searchParams.get('type');
        return HttpResponse.json({
          items: events.filter(e => !type || e.type === type),
          errors: [],
        });
      }),
      http.get(`${BASE}/latency`, ({ request }) => {
        const url = new URL(request.url);
        return HttpResponse.json(
          latencySeries(
            url.searchParams.get('from') ?? matrix.from,
            url.searchParams.get('to') ?? matrix.to,
          ),
        );
      }),
      http.get(`${BASE}/latency/matrix`, () => HttpResponse.json(matrix)),
    );
  return { server, defaults };
}

export function errorBody(status: number, name: string, message: string) {
  return HttpResponse.json({ error: { name, message } }, { status });
}

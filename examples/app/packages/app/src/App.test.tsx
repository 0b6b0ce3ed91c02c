import { fireEvent, render, screen, within } from '@testing-library/react';
import App from './App';

const BACKEND = 'http://localhost:7007';

/** What the backend's "demo" provider answers on /api/auth/demo/refresh for the chosen user. */
const guestSession = {
  profile: { displayName: 'Guest' },
  backstageIdentity: {
    token: 'header.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvZ3Vlc3QifQ.signature',
    identity: {
      type: 'user',
      userEntityRef: 'user:default/guest',
      ownershipEntityRefs: ['group:default/platform-team'],
    },
  },
};

// The app loads its pages lazily (the sign-in page, then the signed-in shell): on a loaded
// machine that takes longer than findBy's default 1 s, so wait up to 5 s for each and give the
// tests 15 s.
const LOADED = { timeout: 5_000 };
jest.setTimeout(15_000);

describe('App', () => {
  let fetchMock: jest.SpyInstance;

  beforeEach(() => {
    window.localStorage.clear();
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: { app: { title: 'Test' }, backend: { baseUrl: BACKEND } },
          context: 'test',
        },
      ] as any,
    };
    fetchMock = jest.spyOn(global, 'fetch').mockImplementation(async input => {
      const url = String(input instanceof Request ? input.url : input);
      if (url === `${BACKEND}/api/auth/demo/refresh`) {
        return new Response(JSON.stringify(guestSession), {
          headers: { 'content-type': 'application/json' },
        });
      }
      return new Response('{}', { status: 404 });
    });
  });

  afterEach(() => fetchMock.mockRestore());

  it('offers the demo users on the sign-in page and nothing behind it', async () => {
    render(App.createRoot());

    expect(
      await screen.findByText('Slice Portal demo', undefined, LOADED),
    ).toBeInTheDocument();
    for (const title of [
      'Platform engineer',
      'Tenant (acme)',
      'Tenant (arcade)',
    ]) {
      expect(
        screen.getByRole('button', { name: `Sign in as ${title}` }),
      ).toBeInTheDocument();
    }
    expect(
      screen.queryByRole('link', { name: 'Slices' }),
    ).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in as the chosen user and shows the Slices nav item before the catalog', async () => {
    render(App.createRoot());

    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Sign in as Platform engineer' },
        LOADED,
      ),
    );

    const slices = await screen.findByRole('link', { name: 'Slices' }, LOADED);
    expect(slices).toHaveAttribute('href', '/slices');
    const sidebar = screen.getByRole('navigation', { name: 'sidebar nav' });
    const names = within(sidebar)
      .getAllByRole('link')
      .map(link => link.getAttribute('aria-label'));
    expect(names.slice(0, 3)).toEqual(['Home', 'Slices', 'Catalog']);
    const [init] = fetchMock.mock.calls
      .filter(([input]) => String(input).endsWith('/api/auth/demo/refresh'))
      .map(([, i]) => i as RequestInit);
    expect(new Headers(init.headers).get('x-slice-demo-user')).toBe('guest');
    expect(window.localStorage.getItem('slice-portal-demo-user')).toBe('guest');
  });
});

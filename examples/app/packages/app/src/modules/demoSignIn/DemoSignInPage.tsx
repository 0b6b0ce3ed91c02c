/*
 * DEMO ONLY — not for a real deployment.
 *
 * Lets the viewer of the demo sign in as a platform engineer or as a tenant user, with no
 * credentials, so that what a tenant sees (only their projects' slices) can be compared with
 * the whole fleet. The choice is sent in a header to the backend's "demo" auth provider
 * (packages/backend/src/demoUserAuth.ts), which signs in as that catalog user.
 */
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import type { IdentityApi } from '@backstage/core-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';

const STORAGE_KEY = 'slice-portal-demo-user';
const HEADER = 'x-slice-demo-user';

/** The demo users (catalog/org.yaml) and what each may see. */
export const DEMO_USERS = [
  {
    user: 'guest',
    title: 'Platform engineer',
    description:
      'Member of platform-team: sees every hub, project, cluster and slice.',
  },
  {
    user: 'ana',
    title: 'Tenant (acme)',
    description:
      'Ana, member of team-acme: sees only the acme project (payments, analytics) and its clusters.',
  },
  {
    user: 'arturo',
    title: 'Tenant (arcade)',
    description:
      'Arturo, member of team-arcade: sees only the arcade project (pacman, leaderboard) and its clusters.',
  },
];

function storedUser(): string | undefined {
  try {
    const user = window.localStorage.getItem(STORAGE_KEY) ?? undefined;
    return DEMO_USERS.some(u => u.user === user) ? user : undefined;
  } catch {
    return undefined;
  }
}

function forget() {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}

/** Signing out also forgets the chosen demo user, so the chooser is shown again. */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      forget();
      await identity.signOut();
    },
  };
}

export function DemoSignInPage(props: SignInPageProps) {
  const [user, setUser] = useState(storedUser);

  if (user) {
    return (
      <ProxiedSignInPage
        provider="demo"
        headers={{ [HEADER]: user }}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgettingOnSignOut(identity))
        }
        ErrorComponent={({ error }) => (
          <Content>
            <Typography color="error">
              Demo sign-in as {user} failed: {error?.message}
            </Typography>
            <Button
              variant="outlined"
              onClick={() => {
                forget();
                setUser(undefined);
              }}
            >
              Choose another user
            </Button>
          </Content>
        )}
      />
    );
  }

  return (
    <Page themeId="home">
      <Header
        title="Slice Portal demo"
        subtitle="Sign in as a platform engineer or as a tenant user (demo only, no credentials)"
      />
      <Content>
        <Grid container spacing={3}>
          {DEMO_USERS.map(u => (
            <Grid item xs={12} md={4} key={u.user}>
              <InfoCard title={u.title} subheader={`user:default/${u.user}`}>
                <Typography variant="body2" paragraph>
                  {u.description}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  aria-label={`Sign in as ${u.title}`}
                  onClick={() => {
                    try {
                      window.localStorage.setItem(STORAGE_KEY, u.user);
                    } catch {
                      // Not remembered across reloads; still signs in.
                    }
                    setUser(u.user);
                  }}
                >
                  Sign in
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}

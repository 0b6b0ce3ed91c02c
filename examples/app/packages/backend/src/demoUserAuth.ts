/*
 * DEMO ONLY — do not use in a real deployment.
 *
 * An auth provider ("demo") that signs the browser in as one of a few catalog users named
 * by the request header `x-slice-demo-user`, with no credentials at all. It exists so that
 * the demo can show the same pages as a platform engineer and as a tenant user. The users
 * it accepts are listed in app-config.yaml under auth.providers.demo.users.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthenticationError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/** The request header naming the demo user to sign in as. */
export const DEMO_USER_HEADER = 'x-slice-demo-user';

export const demoUserAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { user: string }) => ({
    profile: { displayName: result.user },
  }),
  initialize({ config }) {
    return { users: config.getOptionalStringArray('users') ?? [] };
  },
  async authenticate({ req }, { users }) {
    const user = req.header(DEMO_USER_HEADER);
    if (!user || !users.includes(user)) {
      throw new AuthenticationError(
        `Demo sign-in: ${DEMO_USER_HEADER} must name one of ${users.join(
          ', ',
        )}`,
      );
    }
    return { result: { user } };
  },
});

export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-user-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoUserAuthenticator,
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: {
                  kind: 'User',
                  namespace: 'default',
                  name: result.user,
                },
              });
            },
          }),
        });
      },
    });
  },
});

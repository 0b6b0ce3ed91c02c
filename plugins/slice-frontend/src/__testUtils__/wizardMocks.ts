import { mockApis } from '@backstage/frontend-test-utils';
import type {
  MockPermissionApi,
  MockWithApiFactory,
} from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PermissionApi } from '@backstage/plugin-permission-react';

/** What the wizards' test harnesses share: the API prefix msw answers, fast polling, permission mocks. */
export const BASE = '*/api/slice/v1';

/** Operation polling fast enough for tests. */
export const FAST_POLL = { minMs: 5, maxMs: 10, maxOfflineMs: 10 };

/** A permission mock, named for the declarations tsc emits. */
export type PermissionMock = MockPermissionApi &
  MockWithApiFactory<PermissionApi>;

/** Every permission allowed. */
export const allowAll = (): PermissionMock =>
  mockApis.permission({ authorize: AuthorizeResult.ALLOW });

/** Allowed on this one resource (`demo/arcade`, `demo/acme/payments`), denied elsewhere. */
export const allowOnly = (resourceRef: string): PermissionMock =>
  mockApis.permission({
    authorize: req =>
      (req as { resourceRef?: string }).resourceRef === resourceRef
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
  });

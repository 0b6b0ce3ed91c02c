import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  apiQueryString,
  fillApiPath,
  parseWriteError,
  type ApiPath,
  type ApiSchema,
} from '@slice-portal/plugin-slice-common';

export type WriteResult = ApiSchema<'WriteResult'>;
export type Operation = ApiSchema<'Operation'>;
export type WriteFieldError = NonNullable<
  ApiSchema<'WriteError'>['error']['fields']
>[number];

/**
 * A refusal of the slice backend (or no answer), with the fields it names, so a caller can
 * tell its user which input to fix.
 */
export class SliceApiError extends Error {
  readonly name = 'SliceApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly fields: WriteFieldError[] = [],
    readonly permission?: string,
  ) {
    super(message);
  }
}

export interface SliceApiClientOptions {
  discovery: Pick<DiscoveryService, 'getBaseUrl'>;
  auth: Pick<AuthService, 'getPluginRequestToken'>;
}

export interface CallOptions {
  /** Whose request it is: a user (a template's initiator, an AI client's user) or a service. */
  credentials: BackstageCredentials;
  signal?: AbortSignal;
}

interface Call extends CallOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: ApiPath;
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
}

/**
 * The slice backend's HTTP API as other backend plugins reach it: found through discovery,
 * called with a token on behalf of the given credentials, so the backend's permission policy,
 * preflight and audit apply exactly as in the portal's wizards.
 */
export class SliceApiClient {
  constructor(private readonly options: SliceApiClientOptions) {}

  async call<T>(call: Call): Promise<T> {
    const [baseUrl, { token }] = await Promise.all([
      this.options.discovery.getBaseUrl('slice'),
      this.options.auth.getPluginRequestToken({
        onBehalfOf: call.credentials,
        targetPluginId: 'slice',
      }),
    ]);
    const url = `${baseUrl}${fillApiPath(
      call.path,
      call.params ?? {},
    )}${apiQueryString(call.query)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: call.method,
        signal: call.signal,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(call.body !== undefined && {
            'Content-Type': 'application/json',
          }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new SliceApiError(
        0,
        `The slice backend could not be reached (${call.method} ${
          call.path
        }): ${(error as Error)?.message ?? error}`,
      );
    }
    if (!response.ok) throw await refusal(response);
    return (await response.json()) as T;
  }

  /** A write route, as a dry run when asked. */
  write(
    call: Omit<Call, 'method'> & {
      method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      dryRun: boolean;
    },
  ): Promise<WriteResult> {
    return this.call<WriteResult>({
      ...call,
      query: { ...call.query, dryRun: call.dryRun ? 'true' : undefined },
    });
  }

  getOperation(id: string, options: CallOptions): Promise<Operation> {
    return this.call<Operation>({
      ...options,
      method: 'GET',
      path: '/v1/operations/{id}',
      params: { id },
    });
  }
}

async function refusal(response: Response): Promise<SliceApiError> {
  const text = await response.text().catch(() => '');
  const error = parseWriteError(text);
  return new SliceApiError(
    response.status,
    error?.message ||
      `The slice backend answered HTTP ${response.status}${
        text ? `: ${text.slice(0, 300)}` : ''
      }`,
    error?.fields ?? [],
    error?.permission,
  );
}

import { isResourceVersionConflict, kubeErrorToApiError } from './kubeErrors';

const apiException = (code: number, body: unknown) =>
  Object.assign(new Error(`HTTP-Code: ${code}`), { code, body });

const status = (
  code: number,
  reason: string,
  message: string,
  causes?: object[],
) =>
  JSON.stringify({
    kind: 'Status',
    code,
    reason,
    message,
    ...(causes ? { details: { causes } } : {}),
  });

describe('kubeErrorToApiError', () => {
  it('turns an admission denial (422) into a 400 with the message and the causes as fields', () => {
    const error = kubeErrorToApiError(
      apiException(
        422,
        status(
          422,
          'Invalid',
          'admission webhook "vsliceconfig.kb.io" denied the request: bad subnet',
          [
            {
              field: 'spec.sliceSubnet',
              message: 'must be private',
              reason: 'FieldValueInvalid',
            },
          ],
        ),
      ),
      'hub prod',
    ) as any;
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'admission webhook "vsliceconfig.kb.io" denied the request: bad subnet',
    );
    expect(error.fields).toEqual([
      {
        path: 'spec.sliceSubnet',
        message: 'must be private',
        source: 'cluster',
        code: 'FieldValueInvalid',
      },
    ]);
    expect(error.cluster).toEqual({
      target: 'hub prod',
      httpStatus: 422,
      reason: 'Invalid',
    });
    // Never a property the error handler would take for the HTTP status.
    expect(error.status).toBeUndefined();
    expect(error.statusCode).toBeUndefined();
  });

  it.each([
    [400, 'BadRequest', 'InputError'],
    [409, 'Conflict', 'ConflictError'],
    [409, 'AlreadyExists', 'ConflictError'],
    [403, 'Forbidden', 'NotAllowedError'],
    [404, 'NotFound', 'NotFoundError'],
    [401, 'Unauthorized', 'ServiceUnavailableError'],
    [429, 'TooManyRequests', 'ServiceUnavailableError'],
    [500, 'InternalError', 'ServiceUnavailableError'],
    [503, 'ServiceUnavailable', 'ServiceUnavailableError'],
  ])('maps %i %s to %s', (code, reason, name) => {
    const error = kubeErrorToApiError(
      apiException(code, status(code, reason, 'said the server')),
      'hub prod',
    ) as Error;
    expect(error.name).toBe(name);
    // A 401 is about the portal's own credentials: the message says what to check instead.
    expect(error.message).toContain(
      code === 401 ? 'check the write credentials' : 'said the server',
    );
  });

  it('reads bodies given as objects, and keeps non-JSON text', () => {
    expect(
      (
        kubeErrorToApiError(
          apiException(422, { message: 'as object' }),
          'hub x',
        ) as Error
      ).message,
    ).toBe('as object');
    expect(
      (
        kubeErrorToApiError(
          apiException(502, '<html>bad gateway</html>'),
          'hub x',
        ) as Error
      ).message,
    ).toBe('hub x answered 502: <html>bad gateway</html>');
    expect(
      (kubeErrorToApiError(apiException(500, undefined), 'hub x') as Error)
        .message,
    ).toBe('hub x answered 500: hub x answered HTTP 500 without a message');
  });

  it('turns transport failures into 503 and leaves other errors alone', () => {
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:1'),
      { code: 'ECONNREFUSED' },
    );
    expect(kubeErrorToApiError(refused, 'hub x')).toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'hub x could not be reached: connect ECONNREFUSED 127.0.0.1:1',
    });
    const timeout = Object.assign(new Error('timed out'), {
      name: 'TimeoutError',
    });
    expect((kubeErrorToApiError(timeout, 'hub x') as Error).name).toBe(
      'ServiceUnavailableError',
    );
    const bug = new TypeError('x is undefined');
    expect(kubeErrorToApiError(bug, 'hub x')).toBe(bug);
  });

  it('recognises a stale-resourceVersion conflict, raw or mapped, but not AlreadyExists', () => {
    const conflict = apiException(409, status(409, 'Conflict', 'modified'));
    const exists = apiException(409, status(409, 'AlreadyExists', 'exists'));
    expect(isResourceVersionConflict(conflict)).toBe(true);
    expect(
      isResourceVersionConflict(kubeErrorToApiError(conflict, 'hub x')),
    ).toBe(true);
    expect(isResourceVersionConflict(exists)).toBe(false);
    expect(
      isResourceVersionConflict(kubeErrorToApiError(exists, 'hub x')),
    ).toBe(false);
    expect(isResourceVersionConflict(apiException(422, '{}'))).toBe(false);
  });
});

import { apiQueryString, fillApiPath, parseWriteError } from './urls';

describe('API URLs and refusals', () => {
  it('fills and encodes path parameters, and keeps only the query values given', () => {
    expect(
      fillApiPath('/v1/slices/{hub}/{project}/{name}', {
        hub: 'demo',
        project: 'a b',
        name: 'x/y',
      }),
    ).toBe('/v1/slices/demo/a%20b/x%2Fy');
    expect(apiQueryString({ a: '1', b: undefined, c: '' })).toBe('?a=1');
    expect(apiQueryString({})).toBe('');
  });

  it("reads a refusal's error, with its fields always a list, and nothing from a body that is not one", () => {
    expect(
      parseWriteError(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'no', permission: 'p' },
        }),
      ),
    ).toEqual({
      name: 'NotAllowedError',
      message: 'no',
      permission: 'p',
      fields: [],
    });
    expect(parseWriteError('<html>Bad gateway</html>')).toBeUndefined();
    expect(parseWriteError('{"message":"not the shape"}')).toBeUndefined();
  });
});

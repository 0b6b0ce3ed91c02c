import { REDACTED, redactAndLimit, redactText, redactValue } from './redact';

const JWT =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
const PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBkTCB+wIJAKHBfpegPjMCMA0GCSqGSIb3DQEBCwUAMBExDzANBgNVBAMMBnVu',
  'dXNlZDAeFw0yNjAxMDEwMDAwMDBaFw0yNzAxMDEwMDAwMDBaMBExDzANBgNVBAMM',
  '-----END CERTIFICATE-----',
].join('\n');
// base64 of a PEM header, as in kubeconfig `certificate-authority-data`.
const B64_CERT = Buffer.from(PEM).toString('base64');

describe('redactText', () => {
  it.each([
    ['Authorization: Bearer abc.def-123_XYZ', 'abc.def-123_XYZ'],
    [`token ${JWT} rejected`, JWT],
    [`failed: ${PEM} was invalid`, 'MIIBkTCB'],
    [`caData ${B64_CERT}`, B64_CERT.slice(0, 40)],
    ['{"token":"s3cr3t-value"}', 's3cr3t-value'],
    ["password='hunter2'", 'hunter2'],
    ['secret=abc123', 'abc123'],
    ['caData: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t', 'LS0tLS1C'],
    ['client-key-data: QUJDREVGRw==', 'QUJDREVGRw=='],
    ['key = 0123456789abcdef', '0123456789abcdef'],
    ['basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow (cut off)', 'MIIEow'],
    [`hex ${'a1b2c3d4'.repeat(6)}`, 'a1b2c3d4'.repeat(6)],
  ])('removes the secret from %j', (text, secret) => {
    const clean = redactText(text);
    expect(clean).not.toContain(secret);
    expect(clean).toContain(REDACTED);
    expect(clean).not.toMatch(/BEGIN .*KEY|BEGIN CERTIFICATE/);
  });

  it('keeps the Bearer scheme but not the credential', () => {
    expect(redactText('Authorization: Bearer abc.def-123_XYZ')).toBe(
      `Authorization: Bearer ${REDACTED}`,
    );
  });

  it.each([
    'onboarded ledger onto slice payments on aws-east, gcp-west',
    'SliceConfig payments in kubeslice-acme: spec.maxClusters is immutable (422)',
    '/api/slice/v1/slices/production/acme/payments-and-ledger-service',
    'namespace ledger is already bound to slice shop',
    'resourceVersion 123456 conflicted; retried 3 times',
  ])('leaves ordinary text alone: %j', text => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactText on long input', () => {
  it('takes linear time on long runs of name characters (no quadratic backtracking)', () => {
    const start = performance.now();
    redactText('a'.repeat(20_000));
    redactText('token'.repeat(4_000));
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

describe('redactValue', () => {
  it('replaces fields named like secrets at any depth and scrubs other strings', () => {
    expect(
      redactValue({
        token: 'abc',
        hub: { caData: 'LS0t', url: 'https://hub' },
        auth: { password: 'x', privateKey: 'y', apiKey: 'z', key: 'k' },
        list: [{ secret: 's' }, `Bearer ${JWT}`],
        name: 'payments',
      }),
    ).toEqual({
      token: REDACTED,
      hub: { caData: REDACTED, url: 'https://hub' },
      auth: {
        password: REDACTED,
        privateKey: REDACTED,
        apiKey: REDACTED,
        key: REDACTED,
      },
      list: [{ secret: REDACTED }, `Bearer ${REDACTED}`],
      name: 'payments',
    });
  });
});

describe('redactAndLimit', () => {
  it('bounds the length after scrubbing', () => {
    const text = redactAndLimit('x'.repeat(10_000), 100)!;
    expect(text).toHaveLength(100);
    expect(text.endsWith('…')).toBe(true);
    expect(redactAndLimit(undefined, 10)).toBeUndefined();
  });
});

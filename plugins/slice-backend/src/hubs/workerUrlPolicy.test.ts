import {
  buildWorkerUrlPolicy,
  checkWorkerUrl,
  parseAllowedHost,
} from './workerUrlPolicy';

const configPath = 'slice.hubs[0]';

function allowed(
  url: string,
  options: Omit<Parameters<typeof buildWorkerUrlPolicy>[0], 'configPath'>,
): boolean {
  return checkWorkerUrl(buildWorkerUrlPolicy({ configPath, ...options }), url)
    .ok;
}

describe('workerUrlPolicy', () => {
  describe('allowedHosts entries', () => {
    it.each([
      ['api.example.com', 'https://api.example.com:6443', true],
      ['api.example.com', 'https://API.Example.COM', true],
      ['api.example.com', 'https://api.example.com./x', true],
      ['api.example.com.', 'https://api.example.com', true],
      ['API.example.com', 'https://api.example.com', true],
      ['api.example.com', 'https://other.example.com', false],
      ['api.example.com', 'https://api.example.com.evil.io', false],
      ['api.example.com', 'https://evilapi.example.com', false],
      ['*.example.com', 'https://a.example.com', true],
      ['*.example.com', 'https://a.b.example.com', true],
      ['*.example.com', 'https://example.com', false],
      ['*.example.com', 'https://evilexample.com', false],
      ['*.example.com', 'https://a.example.com.evil.io', false],
      ['10.1.2.3', 'https://10.1.2.3:6443', true],
      ['10.1.2.3', 'https://10.1.2.4', false],
      // WHATWG URL normalises odd IPv4 spellings before the check.
      ['127.0.0.1', 'https://0x7f.1', true],
      ['10.0.0.0/16', 'https://10.0.255.1', true],
      ['10.0.0.0/16', 'https://10.1.0.1', false],
      ['10.0.0.0/16', 'https://[::ffff:10.0.0.9]', true],
      ['fd00::/8', 'https://[fd12:3456::1]:6443', true],
      ['fd00::/8', 'https://[fe80::1]', false],
      ['::1', 'https://[::1]', true],
      ['[::1]', 'https://[0:0::1]', true],
      // A wildcard never admits an IP literal.
      ['*.example.com', 'https://10.0.0.1', false],
      ['10.0.0.0/8', 'https://ten.example.com', false],
    ])('%s allows %s: %p', (entry, url, expected) => {
      expect(allowed(url, { allowedHosts: [entry] })).toBe(expected);
    });

    it('with an explicit list, does not add the hub host', () => {
      expect(
        allowed('https://hub.example.com/clusters/a', {
          hubUrl: 'https://hub.example.com',
          allowedHosts: ['workers.example.com'],
        }),
      ).toBe(false);
      expect(
        allowed('https://hub.example.com', {
          hubUrl: 'https://hub.example.com',
          allowedHosts: [],
        }),
      ).toBe(false);
    });

    it.each([
      '10.0.0.0/33',
      '10.0.0.0/-1',
      '10.0.0.0/',
      '10.0.0/8',
      'example.com/8',
      'fd00::/129',
      '*',
      '*example.com',
      'a.*.example.com',
      'https://api.example.com',
      'api.example.com:6443',
      'user@api.example.com',
      '',
    ])('rejects the entry %p', entry => {
      expect(() => parseAllowedHost(entry)).toThrow(`'${entry}'`);
    });
  });

  describe('default (no allowedHosts)', () => {
    it('allows the hub host on any port and path', () => {
      const hubUrl = 'https://127.0.0.1:6443/clusters/hub';
      expect(allowed('https://127.0.0.1:6443/clusters/w1', { hubUrl })).toBe(
        true,
      );
      expect(allowed('https://127.0.0.1:7443', { hubUrl })).toBe(true);
      expect(allowed('https://127.0.0.2:6443', { hubUrl })).toBe(false);
      expect(allowed('https://attacker.example.com', { hubUrl })).toBe(false);
    });

    it('allows a hub host given by name, in any case', () => {
      const hubUrl = 'https://Hub.Example.com';
      expect(allowed('https://HUB.example.com./w', { hubUrl })).toBe(true);
      expect(allowed('https://w.hub.example.com', { hubUrl })).toBe(false);
    });

    it('allows an IPv6 hub host', () => {
      expect(
        allowed('https://[::1]:1/x', { hubUrl: 'https://[0::1]:6443' }),
      ).toBe(true);
    });

    it('allows the hosts of configured worker URLs', () => {
      const options = {
        hubUrl: 'https://hub.example.com',
        configuredUrls: ['https://aws-east.example.com'],
      };
      expect(allowed('https://aws-east.example.com', options)).toBe(true);
      expect(allowed('https://aws-west.example.com', options)).toBe(false);
    });

    it('allows nothing without a hub URL', () => {
      expect(allowed('https://hub.example.com', {})).toBe(false);
    });

    it('explains what to configure', () => {
      const policy = buildWorkerUrlPolicy({
        configPath,
        hubUrl: 'https://hub.example.com',
      });
      expect(checkWorkerUrl(policy, 'https://10.1.2.3:6443')).toEqual({
        ok: false,
        reason:
          "worker URL host 10.1.2.3 is not in slice.hubs[0].workers.allowedHosts (not set, so only the hub's own host and the hosts of workers.clusters[].url are allowed); add it there",
      });
    });
  });

  describe('URL forms', () => {
    const policy = buildWorkerUrlPolicy({
      configPath,
      allowedHosts: ['host.example.com', '10.0.0.0/8'],
    });
    const reason = (url: string) => {
      const r = checkWorkerUrl(policy, url);
      return r.ok ? undefined : r.reason;
    };

    it('names the refused host and the key to change', () => {
      expect(reason('https://10.1.2.3')).toBeUndefined();
      expect(reason('https://192.168.1.1')).toBe(
        'worker URL host 192.168.1.1 is not in slice.hubs[0].workers.allowedHosts',
      );
    });

    it('does not reveal the allowlist in a reason', () => {
      expect(reason('https://evil.example.org')).not.toMatch(
        /host\.example\.com|10\.0\.0\.0/,
      );
    });

    it('refuses user info, judging by the real host', () => {
      expect(reason('https://host.example.com@evil.example.org')).toMatch(
        /user info/,
      );
      expect(reason('https://evil@host.example.com')).toMatch(/user info/);
      expect(reason('https://u:p@host.example.com')).toMatch(/user info/);
    });

    it('reads a backslash as a path separator, like the HTTP client', () => {
      // WHATWG URL: host is host.example.com, '@evil...' is path.
      const r = checkWorkerUrl(policy, 'https://host.example.com\\@evil.org');
      expect(r.ok && r.url.hostname).toBe('host.example.com');
      expect(reason('https://evil.org\\@host.example.com')).toBe(
        'worker URL host evil.org is not in slice.hubs[0].workers.allowedHosts',
      );
    });

    it('refuses queries, fragments, other schemes and non-URLs', () => {
      expect(reason('https://host.example.com/?x=1')).toMatch(/query/);
      expect(reason('https://host.example.com/#f')).toMatch(/fragment/);
      expect(reason('ftp://host.example.com')).toBe(
        "worker URL scheme 'ftp:' is not https",
      );
      expect(reason('host.example.com')).toBe('worker URL is not a valid URL');
      expect(reason('')).toBe('worker URL is not a valid URL');
    });

    it('gives client-node a normalised server URL', () => {
      const server = (url: string) => {
        const r = checkWorkerUrl(policy, url);
        return r.ok ? r.server : r.reason;
      };
      expect(server('https://HOST.example.com:443/')).toBe(
        'https://host.example.com',
      );
      expect(server('https://host.example.com:6443/clusters/a/')).toBe(
        'https://host.example.com:6443/clusters/a',
      );
    });
  });

  describe('http', () => {
    it('is refused by default, naming the option', () => {
      const policy = buildWorkerUrlPolicy({
        configPath,
        hubUrl: 'https://hub.example.com',
      });
      expect(checkWorkerUrl(policy, 'http://hub.example.com')).toEqual({
        ok: false,
        reason:
          'worker URL uses plain http; use https, or set slice.hubs[0].dangerouslyAllowHttp: true',
      });
    });

    it('is allowed with allowHttp, still only to allowed hosts', () => {
      const options = { hubUrl: 'http://hub.example.com', allowHttp: true };
      expect(allowed('http://hub.example.com:8080', options)).toBe(true);
      expect(allowed('http://evil.example.com', options)).toBe(false);
    });
  });
});

import {
  formatIPv4,
  ipv4CidrsOverlap,
  ipv4Octets,
  isIPv6,
  isIpAddress,
  isPrivateIPv4Cidr,
  parseIPv4,
  parseIPv4Cidr,
} from './cidr';

describe('parseIPv4', () => {
  it('reads dotted quads as unsigned 32-bit numbers', () => {
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('10.1.0.0')).toBe(10 * 2 ** 24 + 2 ** 16);
    // Above 2^31: must not come out negative (no signed bit operators).
    expect(parseIPv4('255.255.255.255')).toBe(2 ** 32 - 1);
    expect(formatIPv4(parseIPv4('192.168.7.9')!)).toBe('192.168.7.9');
    expect(ipv4Octets(parseIPv4('172.16.3.4')!)).toEqual([172, 16, 3, 4]);
  });

  it.each([
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4', // leading zero: Go's ParseIP refuses it, so do we
    '1.2.3.-4',
    ' 1.2.3.4',
    '1.2.3.4 ',
    'a.b.c.d',
    '',
  ])('refuses %p', text => {
    expect(parseIPv4(text)).toBeUndefined();
  });
});

describe('parseIPv4Cidr', () => {
  it('returns the block of the prefix, host bits cleared', () => {
    const c = parseIPv4Cidr('10.1.2.3/16')!;
    expect(c.prefix).toBe(16);
    expect(formatIPv4(c.address)).toBe('10.1.2.3');
    expect(formatIPv4(c.start)).toBe('10.1.0.0');
    expect(formatIPv4(c.end)).toBe('10.1.255.255');
    expect(parseIPv4Cidr('0.0.0.0/0')).toMatchObject({
      start: 0,
      end: 2 ** 32 - 1,
    });
    expect(parseIPv4Cidr('8.8.8.8/32')).toMatchObject({
      start: parseIPv4('8.8.8.8'),
      end: parseIPv4('8.8.8.8'),
    });
  });

  it.each([
    '10.1.0.0',
    '10.1.0.0/33',
    '10.1.0.0/016',
    '10.1.0.0/116',
    '10.1.0.0/',
    '10.1.0.0/1/6',
    '10.1.0/16',
    'x/16',
  ])('refuses %p', text => {
    expect(parseIPv4Cidr(text)).toBeUndefined();
  });
});

describe('ipv4CidrsOverlap', () => {
  it.each([
    ['10.1.0.0/16', '10.1.200.0/24', true],
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['10.96.0.0/12', '10.100.0.0/16', true], // 10.96–10.111
    ['10.96.0.0/12', '10.112.0.0/16', false],
    ['10.1.0.0/16', '10.2.0.0/16', false],
    ['192.168.0.0/20', '192.168.15.255/32', true],
    ['192.168.0.0/20', '192.168.16.0/24', false],
    ['10.1.0.0/16', 'garbage', false],
  ])('%s and %s: %p', (a, b, expected) => {
    expect(ipv4CidrsOverlap(a, b)).toBe(expected);
    expect(ipv4CidrsOverlap(b, a)).toBe(expected);
  });
});

describe('isPrivateIPv4Cidr', () => {
  it.each([
    ['10.1.0.0/16', true],
    ['172.16.0.0/16', true],
    ['172.31.0.0/16', true],
    ['172.32.0.0/16', false],
    ['172.15.0.0/16', false],
    ['192.168.0.0/16', true],
    ['192.169.0.0/16', false],
    ['8.8.0.0/16', false],
    ['10.0.0.0/7', false], // 10/7 spills into 11/8, which is public
  ])('%s: %p', (cidr, expected) => {
    expect(isPrivateIPv4Cidr(parseIPv4Cidr(cidr)!)).toBe(expected);
  });
});

describe('isIPv6 / isIpAddress', () => {
  it.each([
    '::1',
    '::',
    'fe80::1',
    '2001:db8:0:0:0:0:0:1',
    '2001:db8::',
    '::ffff:192.0.2.1',
  ])('accepts %p', ip => {
    expect(isIPv6(ip)).toBe(true);
    expect(isIpAddress(ip)).toBe(true);
  });

  it.each([
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'gggg::1',
    '12345::1',
    '1:2:3:4:5:6:7',
    '::ffff:999.0.0.1',
    'host.example.com',
    '10.0.0',
  ])('refuses %p', ip => {
    expect(isIPv6(ip)).toBe(false);
    expect(isIpAddress(ip)).toBe(false);
  });

  it('accepts IPv4 too', () => {
    expect(isIpAddress('10.0.0.1')).toBe(true);
  });
});

import { freeSubnetFor, suggestSliceSubnet, subnetsInUse } from './subnet';

describe('suggestSliceSubnet', () => {
  it('suggests the first private /16 that overlaps nothing in use', () => {
    expect(suggestSliceSubnet([])).toBe('10.1.0.0/16');
    expect(suggestSliceSubnet(['10.1.0.0/16', '10.2.0.0/16'])).toBe(
      '10.3.0.0/16',
    );
    // A CNI subnet inside a candidate rules it out; a wide one rules out many.
    expect(suggestSliceSubnet(['10.1.128.0/20', '10.2.0.0/15'])).toBe(
      '10.4.0.0/16',
    );
  });

  it('moves on to 172.16/12 and 192.168/16, then gives up', () => {
    expect(suggestSliceSubnet(['10.0.0.0/8'])).toBe('172.16.0.0/16');
    expect(suggestSliceSubnet(['10.0.0.0/8', '172.16.0.0/12'])).toBe(
      '192.168.0.0/16',
    );
    expect(
      suggestSliceSubnet(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']),
    ).toBeUndefined();
  });

  it('ignores entries that are not IPv4 CIDRs', () => {
    expect(suggestSliceSubnet(['fd00::/8', 'junk', undefined, ''])).toBe(
      '10.1.0.0/16',
    );
  });
});

describe('subnetsInUse', () => {
  it("takes the hub's slices and the chosen members' CNI subnets", () => {
    expect(
      subnetsInUse({
        hub: 'demo',
        members: ['aws-east'],
        slices: [
          { hub: 'demo', subnet: '10.1.0.0/16' },
          { hub: 'other', subnet: '10.9.0.0/16' },
          { hub: 'demo' },
        ],
        clusters: [
          { hub: 'demo', name: 'aws-east', cniSubnets: ['10.2.0.0/16'] },
          { hub: 'demo', name: 'gcp-west', cniSubnets: ['10.3.0.0/16'] },
        ],
      }),
    ).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
  });
});

describe('freeSubnetFor', () => {
  it("skips the hub's slices and the members' CNI subnets, not other hubs' or non-members'", () => {
    expect(
      freeSubnetFor({
        fleet: {
          slices: [
            { hub: 'demo', subnet: '10.1.0.0/16' },
            { hub: 'other', subnet: '10.2.0.0/16' },
          ],
          clusters: [
            { hub: 'demo', name: 'aws-eu', cniSubnets: ['10.0.0.0/16'] },
            { hub: 'demo', name: 'gcp-us', cniSubnets: ['10.2.0.0/16'] },
          ],
        },
        hub: 'demo',
        members: ['aws-eu'],
      }),
    ).toBe('10.2.0.0/16');
  });
});

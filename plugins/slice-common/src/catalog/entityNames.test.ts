import {
  clusterEntityName,
  sliceEntityName,
  sliceEntityRef,
  slicePagePath,
} from './entityNames';

const ENTITY_NAME = /^[a-z0-9A-Z]+([-_.][a-z0-9A-Z]+)*$/;

describe('catalog entity names', () => {
  it('joins hub, project and slice with dots', () => {
    expect(
      sliceEntityName({ hub: 'demo', project: 'arcade', name: 'pacman' }),
    ).toBe('demo.arcade.pacman');
    expect(
      sliceEntityRef({ hub: 'demo', project: 'arcade', name: 'pacman' }),
    ).toBe('resource:default/demo.arcade.pacman');
    expect(clusterEntityName({ hub: 'demo', name: 'aws-east' })).toBe(
      'demo.aws-east',
    );
  });

  it('shortens long names to 63 valid characters, stable and distinct', () => {
    const long = 'a'.repeat(40);
    const one = sliceEntityName({ hub: long, project: long, name: 'x-' });
    const two = sliceEntityName({ hub: long, project: long, name: 'y-' });
    expect(one).toHaveLength(63);
    expect(one).toMatch(ENTITY_NAME);
    expect(one).not.toBe(two);
    expect(sliceEntityName({ hub: long, project: long, name: 'x-' })).toBe(one);
    const dotted = clusterEntityName({
      hub: 'h',
      name: `${'b'.repeat(52)}.c.d.e.f.g`,
    });
    expect(dotted.length).toBeLessThanOrEqual(63);
    expect(dotted).toMatch(ENTITY_NAME);
  });

  it('builds the page path of a slice with each part encoded', () => {
    expect(
      slicePagePath({ hub: 'demo', project: 'arcade', name: 'pacman' }),
    ).toBe('/slices/demo/arcade/pacman');
  });
});

import type { Entity } from '@backstage/catalog-model';
import { SliceRelationsProcessor } from './SliceRelationsProcessor';

const component = (annotation: string, type = 'service'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mongodb',
    annotations: { 'kubeslice.io/slice': annotation },
  },
  spec: { type, owner: 'team-arcade', lifecycle: 'production' },
});

describe('SliceRelationsProcessor', () => {
  const processor = new SliceRelationsProcessor(() => [
    { hub: 'demo', project: 'arcade', name: 'pacman' },
    { hub: 'demo', project: 'acme', name: 'payments' },
    { hub: 'other', project: 'arcade', name: 'pacman' },
  ]);
  const relations = async (entity: Entity) => {
    const emitted: any[] = [];
    await processor.postProcessEntity(entity, { type: 'url', target: 'x' }, r =>
      emitted.push(r),
    );
    return emitted.map(
      r =>
        `${r.relation.source.name} ${r.relation.type} ${r.relation.target.name}`,
    );
  };

  it('relates an entity to the slices its annotation names, both ways', async () => {
    expect(await relations(component('demo/arcade/pacman'))).toEqual([
      'mongodb dependsOn demo.arcade.pacman',
      'demo.arcade.pacman dependencyOf mongodb',
    ]);
  });

  it('resolves partial entries among the known slices, on every hub they match', async () => {
    expect(await relations(component('arcade/pacman, payments'))).toEqual([
      'mongodb dependsOn demo.arcade.pacman',
      'demo.arcade.pacman dependencyOf mongodb',
      'mongodb dependsOn other.arcade.pacman',
      'other.arcade.pacman dependencyOf mongodb',
      'mongodb dependsOn demo.acme.payments',
      'demo.acme.payments dependencyOf mongodb',
    ]);
    expect(await relations(component('arcade/unknown'))).toEqual([]);
  });

  it("leaves the slices' own entities alone", async () => {
    expect(
      await relations(component('demo/arcade/pacman', 'kubeslice-slice')),
    ).toEqual([]);
  });
});

import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  getCompoundEntityRef,
  parseEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  processingResult,
  type CatalogProcessor,
  type CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  SLICE_ANNOTATION,
  parseSliceAnnotation,
  sliceEntityRef,
  sliceMatches,
  type SliceEntityKey,
} from '@slice-portal/plugin-slice-common';

/**
 * Relates an entity annotated with `kubeslice.io/slice` (a component, say) to the slices it
 * names: `dependsOn` the slice's Resource, and the slice `dependencyOf` the entity, so the
 * catalog graph shows service → slice → clusters. `<project>/<slice>` and `<slice>` entries
 * are resolved among the slices the providers last read; a full `<hub>/<project>/<slice>`
 * entry needs no lookup. The slices' own entities (which carry the annotation too) are skipped.
 */
export class SliceRelationsProcessor implements CatalogProcessor {
  constructor(private readonly knownSlices: () => readonly SliceEntityKey[]) {}

  getProcessorName(): string {
    return 'SliceRelationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const annotation = entity.metadata.annotations?.[SLICE_ANNOTATION];
    if (!annotation || entity.spec?.type === 'kubeslice-slice') return entity;
    const source = getCompoundEntityRef(entity);
    const targets = new Set<string>();
    for (const selector of parseSliceAnnotation(annotation)) {
      if (selector.hub && selector.project) {
        targets.add(sliceEntityRef(selector as SliceEntityKey));
        continue;
      }
      for (const slice of this.knownSlices()) {
        if (sliceMatches(slice, selector)) targets.add(sliceEntityRef(slice));
      }
    }
    for (const ref of targets) {
      const target = parseEntityRef(ref);
      emit(
        processingResult.relation({
          source,
          type: RELATION_DEPENDS_ON,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_DEPENDENCY_OF,
          target: source,
        }),
      );
    }
    return entity;
  }
}

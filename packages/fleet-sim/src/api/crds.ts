import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { PACKAGE_ROOT } from '../paths';
import { ALL_VERBS, type PrinterColumn, type ResourceType } from './resources';

/**
 * Loads resource types from real CustomResourceDefinition YAML files, so the
 * names, scope, short names and printer columns the simulator serves are the
 * upstream ones, not a hand-copied approximation.
 */

/** The package's `crds/` folder (upstream KubeSlice CRDs, see crds/SOURCES.txt). */
export const BUNDLED_CRD_DIR = path.join(PACKAGE_ROOT, 'crds');

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  subresources?: { status?: unknown };
  additionalPrinterColumns?: Array<{
    name: string;
    type: string;
    format?: string;
    description?: string;
    priority?: number;
    jsonPath: string;
  }>;
  schema?: { openAPIV3Schema?: unknown };
}

interface CrdDocument {
  kind?: string;
  spec: {
    group: string;
    scope: 'Namespaced' | 'Cluster';
    names: {
      plural: string;
      singular?: string;
      kind: string;
      listKind?: string;
      shortNames?: string[];
      categories?: string[];
    };
    versions: CrdVersion[];
  };
}

/** Turns one CRD into one resource type per served version. */
export function resourceTypesFromCrd(crd: CrdDocument): ResourceType[] {
  if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec?.names?.plural) {
    throw new Error('not a CustomResourceDefinition');
  }
  const { group, scope, names } = crd.spec;
  return crd.spec.versions
    .filter(v => v.served !== false)
    .map(v => ({
      group,
      version: v.name,
      plural: names.plural,
      singular: names.singular ?? names.kind.toLowerCase(),
      kind: names.kind,
      listKind: names.listKind ?? `${names.kind}List`,
      namespaced: scope === 'Namespaced',
      shortNames: names.shortNames ?? [],
      categories: names.categories ?? [],
      verbs: ALL_VERBS,
      statusSubresource: Boolean(v.subresources?.status),
      printerColumns: (v.additionalPrinterColumns ?? []).map(
        (c): PrinterColumn => ({
          name: c.name,
          type: c.type,
          format: c.format,
          description: c.description,
          priority: c.priority,
          jsonPath: c.jsonPath,
        }),
      ),
      selectableFields: [],
      schema: v.schema?.openAPIV3Schema,
    }));
}

/** Reads every `*.yaml` CRD in a folder (multi-document files allowed). */
export function loadCrdDirectory(
  dir: string = BUNDLED_CRD_DIR,
): ResourceType[] {
  const files = fs
    .readdirSync(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .sort();
  const out: ResourceType[] = [];
  for (const file of files) {
    const docs = yaml.loadAll(
      fs.readFileSync(path.join(dir, file), 'utf8'),
    ) as CrdDocument[];
    for (const doc of docs) {
      if (!doc) continue;
      try {
        out.push(...resourceTypesFromCrd(doc));
      } catch (e) {
        throw new Error(
          `Cannot read CRD file ${file}: ${(e as Error).message}`,
        );
      }
    }
  }
  return out;
}

let cached: ResourceType[] | undefined;

/** The bundled KubeSlice CRDs, parsed once per process (they never change at runtime). */
export function kubesliceResourceTypes(): ResourceType[] {
  cached ??= loadCrdDirectory(BUNDLED_CRD_DIR);
  return cached;
}

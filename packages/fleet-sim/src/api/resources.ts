import type { KubeObject } from './types';

/**
 * A column of the `meta.k8s.io/v1` Table representation (what `kubectl get`
 * prints). Custom resources take these from the CRD's
 * `additionalPrinterColumns`; built-in kinds define `value` functions that
 * mirror the API server's own printers.
 */
export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  /** CRD-style simple JSONPath such as `.status.exportStatus`. */
  jsonPath?: string;
  value?: (obj: KubeObject, now: Date) => unknown;
}

/** Everything the server needs to know to serve one kind of resource. */
export interface ResourceType {
  /** `''` for the core (legacy) group. */
  group: string;
  version: string;
  plural: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Whether `/status` is a separate subresource (main-resource writes then keep the stored status). */
  statusSubresource: boolean;
  printerColumns: PrinterColumn[];
  /**
   * True when `printerColumns` is the whole table (built-in printers, which
   * place Name themselves); false for CRDs, where Name is prepended and Age appended.
   */
  completeTable?: boolean;
  /** Field paths accepted in `fieldSelector`, besides `metadata.name` and `metadata.namespace`. */
  selectableFields: string[];
  /** The CRD's `openAPIV3Schema`, kept for schema validation (not enforced yet). */
  schema?: unknown;
}

export const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export function apiVersionOf(
  rt: Pick<ResourceType, 'group' | 'version'>,
): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** Stable key of a resource type: `sliceconfigs.controller.kubeslice.io`, or `pods` for core. */
export function resourceKey(
  rt: Pick<ResourceType, 'group' | 'plural'>,
): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
}

/**
 * The set of resource types one virtual cluster serves. Lookups are by
 * group/version/plural (URL routing) and by apiVersion/kind (object bodies).
 */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceType>();

  constructor(types: ResourceType[] = []) {
    types.forEach(t => this.add(t));
  }

  add(rt: ResourceType): void {
    this.byPath.set(`${rt.group}/${rt.version}/${rt.plural}`, rt);
  }

  lookup(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  lookupKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.all().find(
      t => apiVersionOf(t) === apiVersion && t.kind === kind,
    );
  }

  all(): ResourceType[] {
    return [...this.byPath.values()];
  }

  /** Group → versions served, in registration order; `''` is the core group. */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const t of this.all()) {
      const versions = out.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      out.set(t.group, versions);
    }
    return out;
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all().filter(t => t.group === group && t.version === version);
  }
}

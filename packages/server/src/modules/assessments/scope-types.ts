/**
 * What an assessment can be about (its scope type) and how its answers name catalog items. Most
 * scopes answer each catalog item once, under the item's own ref. A CPSF model's assessment answers
 * each (element × requirement): its refs are `requirement@element`. Supplier questionnaires will be
 * registered here as another scope type.
 */
export interface ScopeType {
  id: string;
  /** Started by a person through POST /assessments; otherwise created by the module that owns the scope. */
  creatable: boolean;
  /** The catalog item an answer ref of this scope names. */
  itemRef(ref: string): string;
}

const ownRef = (ref: string) => ref;

/** `requirement@element` → `requirement` (a ref without an element is the item's own). */
function requirementOf(ref: string): string {
  const at = ref.indexOf('@');
  return at > 0 ? ref.slice(0, at) : ref;
}

/** In the order the API lists them. */
export const SCOPE_TYPE_REGISTRY = [
  { id: 'organization', creatable: true, itemRef: ownRef },
  { id: 'site', creatable: true, itemRef: ownRef },
  { id: 'product', creatable: true, itemRef: ownRef },
  { id: 'system', creatable: true, itemRef: ownRef },
  { id: 'supplier', creatable: true, itemRef: ownRef },
  /** The assessment a CPSF model keeps its (element × requirement) status in; created with the model. */
  { id: 'cpsf_model', creatable: false, itemRef: requirementOf },
] as const satisfies readonly ScopeType[];

export type ScopeTypeId = (typeof SCOPE_TYPE_REGISTRY)[number]['id'];

export const CREATABLE_SCOPE_TYPES = ['organization', 'site', 'product', 'system', 'supplier'] as const;
export const SCOPE_TYPES = [...CREATABLE_SCOPE_TYPES, 'cpsf_model'] as const;

export function scopeType(id: string): ScopeType | undefined {
  return SCOPE_TYPE_REGISTRY.find((s) => s.id === id);
}

/** The catalog item an answer ref names in an assessment of this scope type (unknown types: the ref itself). */
export function catalogItemRef(scopeTypeId: string, ref: string): string {
  return (scopeType(scopeTypeId)?.itemRef ?? ownRef)(ref);
}

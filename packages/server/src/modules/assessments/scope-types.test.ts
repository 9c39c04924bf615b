import { describe, expect, it } from 'vitest';
import {
  catalogItemRef,
  CREATABLE_SCOPE_TYPES,
  SCOPE_TYPE_REGISTRY,
  SCOPE_TYPES,
  scopeType,
} from './scope-types.ts';

describe('assessment scope types', () => {
  it('lists the API enums from the registry, creatable ones first', () => {
    expect(SCOPE_TYPES).toEqual(SCOPE_TYPE_REGISTRY.map((s) => s.id));
    expect(CREATABLE_SCOPE_TYPES).toEqual(SCOPE_TYPE_REGISTRY.filter((s) => s.creatable).map((s) => s.id));
    expect(scopeType('cpsf_model')?.creatable).toBe(false);
    expect(scopeType('nope')).toBeUndefined();
  });

  it('names catalog items by the ref itself, or by the requirement of requirement@element for a CPSF model', () => {
    expect(catalogItemRef('organization', 'ID.AM-1')).toBe('ID.AM-1');
    expect(catalogItemRef('organization', 'a@b')).toBe('a@b');
    expect(catalogItemRef('cpsf_model', 'CPS.AM-1@el-7')).toBe('CPS.AM-1');
    expect(catalogItemRef('cpsf_model', 'CPS.AM-1')).toBe('CPS.AM-1');
    expect(catalogItemRef('cpsf_model', '@el')).toBe('@el');
    expect(catalogItemRef('unknown', 'x@y')).toBe('x@y');
  });
});

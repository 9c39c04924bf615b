// A web module uses another module only through its public.ts or its i18n namespace handle
// (docs/architecture.md), so a module's internals can change without breaking its neighbours.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULES = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const moduleOf = (p: string) => /^([^/]+)\//.exec(path.relative(MODULES, p))?.[1];

describe('web module boundaries', () => {
  it('lets a module reach another only through public.ts or its i18n namespace', () => {
    const wrong = sources(MODULES).flatMap((file) => {
      const own = moduleOf(file);
      if (own === undefined) return [];
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)]
        .map((m) => path.resolve(path.dirname(file), m[1]!))
        .filter((target) => {
          const other = moduleOf(target);
          if (other === undefined || other === own || !target.startsWith(MODULES)) return false;
          const inside = path.relative(path.join(MODULES, other), target);
          return inside !== 'public' && inside !== 'i18n';
        })
        .map((target) => `${path.relative(MODULES, file)} → ${path.relative(MODULES, target)}`);
    });
    expect(wrong).toEqual([]);
  });
});

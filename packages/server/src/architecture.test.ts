/**
 * The module layout holds (docs/architecture.md): a module uses another only through its public.ts,
 * the platform never imports a module, every module folder is in the registry, no file reaches into
 * another package by relative path, and server files stay small unless their first comment says why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_MODULES } from './modules/index.ts';

const SRC = import.meta.dirname;
const PACKAGES = path.resolve(SRC, '../..');
const MAX_LINES = 400;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Relative import specifiers of a file, resolved to absolute paths. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    path.resolve(path.dirname(file), m[1]!),
  );
}

const rel = (p: string) => path.relative(SRC, p);
const moduleOf = (p: string) => /^modules\/([^/]+)\//.exec(rel(p))?.[1];

describe('server module layout', () => {
  const files = sources(SRC);

  it('lets a module use another module only through its public.ts', () => {
    const reaches = files.flatMap((file) => {
      const own = moduleOf(file);
      if (own === undefined) return [];
      return relativeImports(file)
        .filter((target) => {
          const other = moduleOf(target);
          return other !== undefined && other !== own && rel(target) !== `modules/${other}/public.ts`;
        })
        .map((target) => `${rel(file)} → ${rel(target)}`);
    });
    expect(reaches).toEqual([]);
  });

  it('has no cycle between modules (a module built on another extends it through a registry)', () => {
    const uses = new Map<string, Set<string>>();
    for (const file of files) {
      const own = moduleOf(file);
      if (own === undefined || /\.test\.tsx?$/.test(file)) continue;
      for (const target of relativeImports(file)) {
        const other = moduleOf(target);
        if (other !== undefined && other !== own) uses.set(own, (uses.get(own) ?? new Set()).add(other));
      }
    }
    const cycles: string[] = [];
    const walk = (m: string, trail: string[]) => {
      if (trail.includes(m)) return void cycles.push([...trail.slice(trail.indexOf(m)), m].join(' → '));
      for (const next of uses.get(m) ?? []) walk(next, [...trail, m]);
    };
    for (const m of uses.keys()) walk(m, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the platform free of module imports', () => {
    const wrong = files
      .filter((f) => rel(f).startsWith('platform/'))
      .flatMap((f) =>
        relativeImports(f)
          .filter((t) => rel(t).startsWith('modules/'))
          .map((t) => `${rel(f)} → ${rel(t)}`),
      );
    expect(wrong).toEqual([]);
  });

  it('leaves every write of assessment tables to the assessment engine', () => {
    const writers =
      /\b(insertAssessment|setAssessmentStatus|saveAnswer|setAssessmentCatalog|setAssessmentScore|insertEvidence|deleteEvidence|insertShare)\b/;
    const wrong = files
      .filter((f) => moduleOf(f) !== 'assessments' && !f.endsWith('.test.ts'))
      .filter((f) => writers.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(wrong).toEqual([]);
  });

  it('registers every module folder, under its folder name', () => {
    const folders = readdirSync(path.join(SRC, 'modules')).filter((n) =>
      statSync(path.join(SRC, 'modules', n)).isDirectory(),
    );
    expect(SERVER_MODULES.map((m) => m.name).sort()).toEqual(folders.sort());
  });

  it('declares each permission a module route asks for in that module', () => {
    const undeclared = SERVER_MODULES.flatMap((m) => {
      const declared = Object.keys(m.permissions);
      return files
        .filter((f) => moduleOf(f) === m.name && !f.endsWith('.test.ts'))
        .flatMap((f) =>
          [...readFileSync(f, 'utf8').matchAll(/permission: '([a-z]+\.[a-z]+)'/g)].map((x) => x[1]!),
        )
        .filter((p) => !declared.includes(p) && !p.startsWith('org.'))
        .map((p) => `${m.name}: ${p}`);
    });
    expect(undeclared).toEqual([]);
  });

  it(`keeps server files under ${MAX_LINES} lines unless their first comment says why`, () => {
    const long = files
      .filter((f) => !f.endsWith('.test.ts'))
      .filter((f) => readFileSync(f, 'utf8').split('\n').length > MAX_LINES)
      .filter(
        (f) =>
          !/^\/\/ Longer than 400 lines:|^\/\*\*?\s*\n?\s*\*?\s*Longer than 400 lines:/.test(
            readFileSync(f, 'utf8'),
          ),
      )
      .map(rel);
    expect(long).toEqual([]);
  });
});

describe('package boundaries', () => {
  it('has no relative import from one package into another', () => {
    const wrong = readdirSync(PACKAGES).flatMap((pkg) => {
      const root = path.join(PACKAGES, pkg, 'src');
      let all: string[];
      try {
        all = sources(root);
      } catch {
        return [];
      }
      return all.flatMap((f) =>
        relativeImports(f)
          .filter(
            (t) => t.startsWith(PACKAGES + path.sep) && !t.startsWith(path.join(PACKAGES, pkg) + path.sep),
          )
          .map((t) => `${path.relative(PACKAGES, f)} → ${path.relative(PACKAGES, t)}`),
      );
    });
    expect(wrong).toEqual([]);
  });
});

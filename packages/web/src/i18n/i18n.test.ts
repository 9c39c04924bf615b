import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

// Every namespace: the shared `common` one, one per module (src/modules/<module>/i18n/), and one per
// part of a module that has its own (src/modules/<module>/<part>/i18n/, named after the part).
const files = import.meta.glob<Tree>(
  ['./common/*.json', '../modules/*/i18n/*.json', '../modules/*/*/i18n/*.json'],
  {
    eager: true,
    import: 'default',
  },
);
const namespaces = new Map<string, { ja: Tree; en: Tree }>();
/** The folder (under src/modules) that holds each module namespace. */
const folders = new Map<string, string>();
for (const [path, tree] of Object.entries(files)) {
  const match = /(?:\/modules\/((?:[\w-]+\/)?([\w-]+))\/i18n|\/(common))\/(ja|en)\.json$/.exec(path);
  if (!match) throw new Error(`unexpected strings file ${path}`);
  const ns = match[2] ?? match[3] ?? '';
  if (match[1]) folders.set(ns, match[1]);
  const entry = namespaces.get(ns) ?? ({} as { ja: Tree; en: Tree });
  entry[match[4] as 'ja' | 'en'] = tree;
  namespaces.set(ns, entry);
}

// The app's sources, to check the keys they use.
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.ts', '!../**/*.d.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : values(value)));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

function lookup(tree: Tree, path: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

const ja = (ns: string): Tree => namespaces.get(ns)?.ja ?? {};

/** The namespaces a source file's `useTranslation(...)` asks for (`common` when none is named). */
function namespacesOf(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/useTranslation\(([^)]*)\)/g)) {
    for (const name of (match[1] ?? '').matchAll(/'([\w-]+)'/g)) found.add(name[1] ?? '');
  }
  return found.size ? [...found] : ['common'];
}

/** Whether `key` (literal, or the static start of a template literal) names strings in one of `nss`. */
function resolves(key: string, nss: string[], template: boolean): boolean {
  const colon = key.indexOf(':');
  const [candidates, path] =
    colon > 0 ? [[key.slice(0, colon)], key.slice(colon + 1)] : [[...nss, 'common'], key];
  if (template) {
    // `sme.levels.${level}`: the part before the first ${ must lead into the namespace's tree
    const head = path.slice(0, path.indexOf('${'));
    const prefix = head.endsWith('.') ? head.slice(0, -1) : head;
    if (!prefix) return true; // fully dynamic: not checkable here (TypeScript checks the key types)
    return candidates.some((ns) => typeof lookup(ja(ns), prefix) === 'object');
  }
  return candidates.some((ns) => typeof lookup(ja(ns), path) === 'string');
}

describe('i18n resources', () => {
  it('has the common namespace and one per module', () => {
    expect(namespaces.get('common')).toBeDefined();
    for (const module of ['platform', 'library', 'assessments', 'sme', 'governance', 'cpsf', 'software']) {
      expect(namespaces.has(module), module).toBe(true);
    }
  });

  it('ja and en have the same keys in every namespace', () => {
    for (const [ns, { ja: jaTree, en: enTree }] of namespaces) {
      expect({ ns, keys: keys(enTree).sort() }).toEqual({ ns, keys: keys(jaTree).sort() });
    }
  });

  it('no translation is empty', () => {
    for (const { ja: jaTree, en: enTree } of namespaces.values()) {
      for (const text of [...values(jaTree), ...values(enTree)]) expect(text.trim()).not.toBe('');
    }
  });

  it('ja and en use the same interpolation variables', () => {
    for (const [ns, { ja: jaTree, en: enTree }] of namespaces) {
      for (const key of keys(jaTree)) {
        const jaText = lookup(jaTree, key);
        const enText = lookup(enTree, key);
        expect({ ns, key, vars: placeholders(typeof enText === 'string' ? enText : '') }).toEqual({
          ns,
          key,
          vars: placeholders(typeof jaText === 'string' ? jaText : ''),
        });
      }
    }
  });

  it('no top-level key is in two namespaces (common is every namespace’s fallback)', () => {
    const owner = new Map<string, string>();
    for (const [ns, { ja: jaTree }] of namespaces) {
      for (const top of Object.keys(jaTree)) {
        expect({ top, ns: owner.get(top) ?? ns }).toEqual({ top, ns });
        owner.set(top, ns);
      }
    }
  });

  it('has all 47 prefectures with JIS codes', () => {
    const codes = Object.keys(lookup(ja('common'), 'prefectures') as Tree).sort();
    expect(codes).toHaveLength(47);
    expect(codes[0]).toBe('01');
    expect(codes[46]).toBe('47');
  });

  it('every t() key in the sources exists in the namespaces its file uses', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [file, source] of Object.entries(sources)) {
      if (!source.includes('useTranslation(')) continue;
      const nss = namespacesOf(source);
      for (const call of source.matchAll(/\bt\(\s*(?:'([^']+)'|`([^`]+)`)/g)) {
        const key = call[1] ?? call[2] ?? '';
        checked++;
        if (!resolves(key, nss, call[2] !== undefined && key.includes('${'))) missing.push(`${file}: ${key}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(missing).toEqual([]);
  });

  it('each module loads the namespaces its pages and their components use', () => {
    const read = (path: string) => sources[path];
    const resolveImport = (from: string, spec: string): string | undefined => {
      const parts = from.split('/').slice(0, -1);
      for (const part of spec.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.') parts.push(part);
      }
      const base = parts.join('/');
      return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((p) => read(p));
    };
    for (const module of namespaces.keys()) {
      if (module === 'common') continue;
      const folder = folders.get(module) ?? module;
      const routes = read(`../modules/${folder}/routes.tsx`) ?? '';
      const loaded = new Set(
        [...(/lazyPages\([^[]*\[([^\]]*)\]/.exec(routes)?.[1] ?? '').matchAll(/(\w+)I18n/g)].map((m) => m[1]),
      );
      loaded.add('common');
      // every file the module's pages import, directly or not, inside src/modules
      const seen = new Set<string>();
      const queue = [`../modules/${folder}/pages/index.ts`];
      while (queue.length) {
        const file = queue.pop() ?? '';
        if (seen.has(file)) continue;
        seen.add(file);
        for (const spec of (read(file) ?? '').matchAll(/from '(\.[^']+)'/g)) {
          const target = resolveImport(file, spec[1] ?? '');
          if (target?.startsWith('../modules/')) queue.push(target);
        }
      }
      for (const file of seen) {
        const source = read(file) ?? '';
        if (!source.includes('useTranslation(')) continue;
        for (const ns of namespacesOf(source))
          expect({ module, file, ns, loaded: loaded.has(ns) }).toEqual({ module, file, ns, loaded: true });
      }
    }
  });
});

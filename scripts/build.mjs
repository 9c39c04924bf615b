#!/usr/bin/env node
/**
 * The production build: `npm run build` (and `npm start`, which builds once, then serves).
 *
 * 1. The web app (Vite), then every text asset of packages/web/dist precompressed next to itself
 *    (.br and .gz, scripts/precompress.mjs) for @fastify/static's `preCompressed`.
 * 2. The CLI and the server bundled by esbuild into packages/cli/dist/*.mjs, one entry point per CLI
 *    path (main: every command with the HTTP server; software-cli: `sbom`/`artifact`; advisories-cli:
 *    `advisories import`), shared code split into chunks so `sbom scan` loads no HTTP server. Only the
 *    @shinrai/* workspace sources (TypeScript) are bundled; every npm package stays an external import
 *    resolved from node_modules at run time, exactly as under tsx.
 *
 * Files read at run time relative to a module (`import.meta.url`: SBOM schemas, catalog packs, the web
 * dist, fonts through createRequire) keep being found from the source tree: in each bundled file,
 * `import.meta.url` is replaced by the URL of that file's original source, computed from the bundle's
 * own location. The repository is what is deployed (`npm ci && npm start`), so those paths exist.
 *
 * Options: --watch (rebuild the bundles on change; the web app is left to `vite` in `npm run dev`),
 * --no-web (bundles only).
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { precompress } from './precompress.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI_DIR = path.join(ROOT, 'packages/cli'); // what packages/cli/dist resolves packages from
export const OUT_DIR = path.join(CLI_DIR, 'dist');
const watch = process.argv.includes('--watch');
const web = !process.argv.includes('--no-web') && !watch;

/**
 * Bundles @shinrai/* (TypeScript sources); every other bare import stays external. A package a workspace
 * package gets from its own node_modules (another major version than the root's: ajv, nodemailer) is
 * imported by its path relative to the bundle, so the bundle loads the same copy the sources do.
 */
/**
 * Pure-JavaScript ES module libraries that only the workspace imports, bundled too: Kysely alone is
 * ~260 files, and loading one bundle instead of hundreds of files (resolution, reads, compilation of
 * what tree-shaking keeps) is a good part of a faster start. Zod goes with fastify-type-provider-zod, the
 * only other package that imports it: two copies would not recognise each other's schemas.
 */
const BUNDLED_PACKAGES = ['kysely', 'yaml', 'zod', 'fastify-type-provider-zod'];
const bundled = (specifier) => BUNDLED_PACKAGES.some((p) => specifier === p || specifier.startsWith(`${p}/`));
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@shinrai/') || args.pluginData?.inner || bundled(args.path)) return undefined;
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const resolve = (resolveDir) =>
        build.resolve(args.path, { kind: args.kind, resolveDir, pluginData: { inner: true } });
      const [fromSource, fromBundle] = await Promise.all([resolve(args.resolveDir), resolve(CLI_DIR)]);
      if (
        fromSource.errors.length > 0 ||
        fromSource.path === fromBundle.path ||
        !path.isAbsolute(fromSource.path)
      )
        return { path: args.path, external: true };
      const rel = path.relative(OUT_DIR, fromSource.path).split(path.sep).join('/');
      return { path: rel.startsWith('.') ? rel : `./${rel}`, external: true };
    });
  },
};

/**
 * Heavy libraries only some runs need (spreadsheets, PDF reports, SMTP mail, PostgreSQL) are loaded
 * on first use rather than at start-up: their default import becomes a stand-in that requires the real
 * module the first time it is used (constructed, called or a property read). Together they are about
 * half of the server's start-up; the sources still import them plainly.
 */
const LAZY_DEFAULT_IMPORTS = ['exceljs', 'pdfkit', 'nodemailer', 'pg'];
const lazyImports = {
  name: 'lazy-default-imports',
  setup(build) {
    const filter = new RegExp(`^(?:${LAZY_DEFAULT_IMPORTS.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.pluginData?.inner
        ? undefined
        : { path: args.path, namespace: 'lazy', pluginData: { from: args.resolveDir } },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      resolveDir: args.pluginData.from,
      contents: `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
let real;
const load = () => (real ??= require(${JSON.stringify(args.path)}));
const lazy = new Proxy(function () {}, {
  get: (_, key) => Reflect.get(load(), key),
  has: (_, key) => Reflect.has(load(), key),
  construct: (_, args, target) => Reflect.construct(load(), args, target === lazy ? load() : target),
  apply: (_, self, args) => Reflect.apply(load(), self, args),
});
export default lazy;
`,
    }));
  },
};

/**
 * Built-in catalog packs parsed at build time (scripts/catalog-cache.mjs): pack-loader.ts's two parse
 * functions are wrapped, in the bundle only, by a cache keyed on their input. If the module no longer
 * has them, the build warns and the server parses at start as before.
 */
const PACK_LOADER = path.join(ROOT, 'packages/server/src/modules/library/pack-loader.ts');
const PARSERS = { parsePackYaml: 'pack', parseMappingYaml: 'mapping' };
let catalogCacheWrapped = false;
const catalogCache = {
  name: 'catalog-cache',
  setup(build) {
    build.onLoad({ filter: /[\\/]pack-loader\.ts$/ }, async (args) => {
      if (args.path !== PACK_LOADER) return undefined;
      let text = await readFile(args.path, 'utf8');
      const names = Object.keys(PARSERS);
      if (
        !names.every((n) => text.includes(`export function ${n}(`)) ||
        !text.includes('export const CATALOG_DIR')
      ) {
        console.warn('catalog cache: pack-loader.ts changed shape; built-in packs will be parsed at start');
        return undefined;
      }
      catalogCacheWrapped = true;
      const helper = JSON.stringify(path.join(ROOT, 'scripts/catalog-cache.mjs'));
      text = text.replaceAll('import.meta.url', sourceUrlExpr(args.path));
      text += `\nimport { memoParse as __memoParse } from ${helper};\n`;
      for (const n of names)
        text += `${n} = __memoParse(${JSON.stringify(PARSERS[n])}, ${n}, CATALOG_DIR);\n`;
      return { contents: text, loader: 'ts' };
    });
  },
};

/** The URL of a source file, computed at run time from the bundle's own location (OUT_DIR). */
function sourceUrlExpr(file) {
  const rel = path.relative(OUT_DIR, file).split(path.sep).join('/');
  return `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
}

/** In each bundled source file, import.meta.url becomes that source file's URL (see the header). */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      return { contents: text.replaceAll('import.meta.url', sourceUrlExpr(args.path)), loader: 'ts' };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: ROOT,
  entryPoints: {
    main: 'packages/cli/src/main.ts',
    'software-cli': 'packages/cli/src/software-cli.ts',
    'advisories-cli': 'packages/cli/src/advisories-cli.ts',
    // The parse pool's worker thread (packages/server/src/platform/workers/pool.ts).
    'parse-worker': 'packages/server/src/worker.ts',
  },
  // Tells the pool to start the bundled worker rather than the TypeScript source through tsx.
  define: { 'process.env.SHINRAI_BUNDLE': '"1"' },
  outdir: OUT_DIR,
  outExtension: { '.js': '.mjs' },
  // Chunks sit beside the entries: the import.meta.url rewrite assumes every output file is in OUT_DIR.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  // Keeps function and class names (stack traces, logs) as in the sources.
  keepNames: true,
  legalComments: 'none',
  // A bundled CommonJS library (yaml) may require Node built-ins: give every output file a require.
  banner: {
    js: "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [lazyImports, externalPackages, catalogCache, sourceUrls],
};

/** Parses every built-in pack through the bundled loader once, recording dist/catalog-cache.json. */
async function writeCatalogCache() {
  const warm = path.join(OUT_DIR, 'catalog-warm.mjs');
  await esbuild.build({
    ...options,
    entryPoints: undefined,
    outdir: undefined,
    splitting: false,
    sourcemap: false,
    stdin: {
      contents:
        "export { readBuiltinPacks, readBuiltinMappings } from './packages/server/src/modules/library/builtin.ts';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: warm,
  });
  const code = `const m = await import(${JSON.stringify(pathToFileURL(warm).href)}); m.readBuiltinPacks(); m.readBuiltinMappings();`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SHINRAI_CATALOG_CACHE_RECORD: path.join(OUT_DIR, 'catalog-cache.json') },
  });
  await rm(warm, { force: true });
  if (r.status !== 0) {
    await rm(path.join(OUT_DIR, 'catalog-cache.json'), { force: true });
    console.warn('catalog cache: not written; built-in packs will be parsed at start');
  }
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const t0 = performance.now();
if (web) {
  run(process.execPath, [
    path.join(ROOT, 'node_modules/vite/bin/vite.js'),
    'build',
    'packages/web',
    '--logLevel',
    'warn',
  ]);
  const { files, raw, br } = await precompress(path.join(ROOT, 'packages/web/dist'));
  console.log(`web: ${files} files precompressed, ${raw} → ${br} bytes (brotli)`);
}
await rm(OUT_DIR, { recursive: true, force: true });
if (watch) {
  const ctx = await esbuild.context({
    ...options,
    plugins: [
      ...options.plugins,
      {
        name: 'report',
        setup(build) {
          build.onEnd((r) => console.log(`bundles: rebuilt (${r.errors.length} errors)`));
        },
      },
    ],
  });
  await ctx.watch();
} else {
  await esbuild.build(options);
  if (catalogCacheWrapped) await writeCatalogCache();
  console.log(`bundles: ${path.relative(ROOT, OUT_DIR)} (${Math.round(performance.now() - t0)} ms in all)`);
}

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
import { fileURLToPath } from 'node:url';
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
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@shinrai/') || args.pluginData?.inner) return undefined;
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

/** In each bundled source file, import.meta.url becomes that source file's URL (see the header). */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const rel = path.relative(OUT_DIR, args.path).split(path.sep).join('/');
      const expr = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', expr), loader: 'ts' };
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
  },
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
  logLevel: 'warning',
  plugins: [externalPackages, sourceUrls],
};

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
  console.log(`bundles: ${path.relative(ROOT, OUT_DIR)} (${Math.round(performance.now() - t0)} ms in all)`);
}

/**
 * Version comparison speed: 1,000,000 comparisons of pre-parsed versions per ecosystem, with versions
 * taken from the OSV semantic fixtures, plus the cost of parsing them.
 * Run: node --import tsx bench/versions.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareParsed, parseVersion, type ParsedVersion } from '@shinrai/core/software/versions';

const DATA = path.resolve(import.meta.dirname, '../test/conformance/data/osv-semantic');
const COMPARISONS = 1_000_000;

const SETS: ReadonlyArray<[string, string]> = [
  ['npm', 'semver-versions.txt'],
  ['PyPI', 'pypi-versions-generated.txt'],
  ['Maven', 'maven-versions-generated.txt'],
  ['NuGet', 'nuget-versions.txt'],
  ['RubyGems', 'rubygems-versions-generated.txt'],
  ['Packagist', 'packagist-versions-generated.txt'],
  ['Debian', 'debian-versions-generated.txt'],
  ['Alpine', 'alpine-versions-generated.txt'],
];

function versionsOf(file: string): string[] {
  const out = new Set<string>();
  for (const line of readFileSync(path.join(DATA, file), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('//')) continue;
    const [a, , b] = line.split(' ');
    if (a) out.add(a);
    if (b) out.add(b);
  }
  return [...out];
}

console.log('ecosystem  versions  parse (µs/version)  1M compares (ms)  ns/compare');
for (const [ecosystem, file] of SETS) {
  const texts = versionsOf(file);
  const t0 = performance.now();
  const parsed: ParsedVersion[] = [];
  for (const t of texts) {
    const p = parseVersion(ecosystem, t);
    if (p.ok) parsed.push(p);
  }
  const parseMs = performance.now() - t0;
  const n = parsed.length;
  let sink = 0;
  const t1 = performance.now();
  for (let i = 0; i < COMPARISONS; i++) {
    const a = parsed[i % n];
    const b = parsed[(i * 7919 + 13) % n];
    if (a && b) sink += compareParsed(a, b);
  }
  const compareMs = performance.now() - t1;
  console.log(
    `${ecosystem.padEnd(10)} ${String(n).padStart(8)}  ${((parseMs * 1000) / n).toFixed(2).padStart(18)}  ${compareMs
      .toFixed(0)
      .padStart(16)}  ${((compareMs * 1e6) / COMPARISONS).toFixed(0).padStart(10)}${sink === 0.5 ? '' : ''}`,
  );
}

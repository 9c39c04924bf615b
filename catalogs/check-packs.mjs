#!/usr/bin/env node
// Checks catalog packs (catalogs/packs/*.yaml) against catalogs/schema/pack.schema.json and the rules
// the schema cannot express: unique refs, defined answer models / tiers / tags, items without children.
// Usage: node catalogs/check-packs.mjs [pack.yaml ...]   (no arguments: every pack in catalogs/packs/)
// Prints counts per pack and each problem with its JSON pointer; exits 1 when there is any problem.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
// Ajv 8 is a dependency of @shinrai/server; the copy at the root is eslint's Ajv 6 (no draft 2020-12).
const require = createRequire(join(here, '..', 'packages', 'server', 'package.json'));
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const YAML = require('yaml');

const schema = JSON.parse(readFileSync(join(here, 'schema', 'pack.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const packDir = join(here, 'packs');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(packDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(packDir, f));

const esc = (s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1');

/** Rules beyond the schema. Returns [{ pointer, message }]. */
function semanticProblems(pack) {
  const problems = [];
  const add = (pointer, message) => problems.push({ pointer, message });
  const models = pack.answerModels ?? {};
  const tierIds = new Set((pack.tiers ?? []).map((t) => t.id));
  const vocab = pack.tags ?? {};

  for (const [key, model] of Object.entries(models)) {
    const values = model.options?.map((o) => o.value) ?? model.levels?.map((l) => l.level) ?? [];
    const seen = new Set();
    values.forEach((v, i) => {
      const list = model.options ? 'options' : 'levels';
      if (seen.has(v)) add(`/answerModels/${esc(key)}/${list}/${i}`, `duplicate ${list} value "${v}"`);
      seen.add(v);
    });
  }
  const seenTiers = new Set();
  (pack.tiers ?? []).forEach((t, i) => {
    if (seenTiers.has(t.id)) add(`/tiers/${i}/id`, `duplicate tier "${t.id}"`);
    seenTiers.add(t.id);
    (t.includes ?? []).forEach((inc, j) => {
      if (!tierIds.has(inc) || inc === t.id)
        add(`/tiers/${i}/includes/${j}`, `unknown or self tier "${inc}"`);
    });
  });
  const seenBands = new Set();
  (pack.scoring?.bands ?? []).forEach((b, i) => {
    if (seenBands.has(b.id)) add(`/scoring/bands/${i}/id`, `duplicate band "${b.id}"`);
    seenBands.add(b.id);
  });

  const refs = new Map();
  const counts = { nodes: 0, items: 0, groups: 0, info: 0, official: 0, own: 0 };
  const walk = (nodes, base) => {
    (nodes ?? []).forEach((node, i) => {
      const p = `${base}/${i}`;
      counts.nodes += 1;
      if (node.provenance === 'official' || node.provenance === 'own') counts[node.provenance] += 1;
      if (refs.has(node.ref)) add(`${p}/ref`, `duplicate ref "${node.ref}" (first at ${refs.get(node.ref)})`);
      else refs.set(node.ref, p);
      const isItem = node.answerModel !== undefined;
      if (isItem) {
        counts.items += 1;
        if (node.children !== undefined)
          add(`${p}/children`, 'an item (has answerModel) must not have children');
        if (!Object.hasOwn(models, node.answerModel))
          add(`${p}/answerModel`, `answer model "${node.answerModel}" is not defined`);
      } else if (node.children !== undefined) {
        counts.groups += 1;
        if (node.children.length === 0) add(`${p}/children`, 'a group must have at least one child');
      } else {
        counts.info += 1;
      }
      if (node.tier !== undefined && !tierIds.has(node.tier))
        add(`${p}/tier`, `tier "${node.tier}" is not defined`);
      (node.tags ?? []).forEach((tag, j) => {
        const at = tag.indexOf(':');
        const facet = tag.slice(0, at);
        const value = tag.slice(at + 1);
        if (!Object.hasOwn(vocab, facet))
          add(`${p}/tags/${j}`, `tag facet "${facet}" is not defined in tags`);
        else if (!Object.hasOwn(vocab[facet], value))
          add(`${p}/tags/${j}`, `tag value "${value}" is not defined in tags/${facet}`);
      });
      if (Array.isArray(node.children)) walk(node.children, `${p}/children`);
    });
  };
  walk(pack.nodes, '/nodes');
  return { problems, counts };
}

let failed = false;
const packIds = new Map();
for (const file of files) {
  const name = basename(file);
  const problems = [];
  let pack;
  try {
    const doc = YAML.parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true });
    for (const e of doc.errors) problems.push({ pointer: '', message: `YAML: ${e.message}` });
    if (doc.errors.length === 0) pack = doc.toJS();
  } catch (e) {
    problems.push({ pointer: '', message: `cannot read: ${e.message}` });
  }
  let counts;
  if (pack !== undefined) {
    if (!validate(pack)) {
      for (const e of validate.errors) {
        const extra = e.params?.additionalProperty ? ` ("${e.params.additionalProperty}")` : '';
        problems.push({ pointer: e.instancePath || '/', message: `schema: ${e.message}${extra}` });
      }
    }
    if (pack && typeof pack === 'object') {
      const result = semanticProblems(pack);
      problems.push(...result.problems);
      counts = result.counts;
      if (typeof pack.id === 'string') {
        if (packIds.has(pack.id))
          problems.push({ pointer: '/id', message: `id also used by ${packIds.get(pack.id)}` });
        else packIds.set(pack.id, name);
      }
    }
  }
  const summary = counts
    ? `${counts.nodes} nodes: ${counts.items} items, ${counts.groups} groups, ${counts.info} info; ` +
      `${counts.official} official, ${counts.own} own`
    : 'no counts';
  console.log(
    `${problems.length ? 'FAIL' : 'ok  '} ${name} (${pack?.id ?? '?'} ${pack?.version ?? ''}) ${summary}`,
  );
  for (const pr of problems) console.log(`     ${pr.pointer || '(document)'}: ${pr.message}`);
  if (problems.length) failed = true;
}
if (files.length === 0) console.log('no packs found');
process.exit(failed ? 1 : 0);

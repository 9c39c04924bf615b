import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { builtinFilesChecksum, installBuiltinPacks, MAPPINGS_DIR, PACKS_DIR } from './builtin.ts';

describe('built-in packs at start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeApp('sqlite', { packs: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('installs every pack on a new database, then skips parsing while the files are unchanged', async () => {
    const first = await installBuiltinPacks(t.deps);
    expect(first.errors).toEqual([]);
    expect(first.installed.length).toBeGreaterThan(5);
    const again = await installBuiltinPacks(t.deps);
    expect(again).toEqual({ installed: [], errors: [] });
  });

  it('sees a change of one byte in any pack file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shinrai-packs-'));
    const packs = path.join(dir, 'packs');
    const mappings = path.join(dir, 'mappings');
    cpSync(PACKS_DIR, packs, { recursive: true });
    cpSync(MAPPINGS_DIR, mappings, { recursive: true });
    const before = builtinFilesChecksum(packs, mappings);
    expect(before).toBe(builtinFilesChecksum());
    const file = path.join(packs, 'ipa-five-rules.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    expect(builtinFilesChecksum(packs, mappings)).not.toBe(before);
  });
});

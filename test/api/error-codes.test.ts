/**
 * The server answers every error code with the HTTP status docs/api.md gives it ("Error codes"),
 * and the table holds exactly the platform's codes (@shinrai/core) and those the modules declare.
 */
import { ERROR_CODES } from '@shinrai/core';
import { registerModuleErrors, SERVER_MODULES, statusOf } from '@shinrai/server';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function documented(): Map<string, number> {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
  return new Map([...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|$/gm)].map((m) => [m[1]!, Number(m[2])]));
}

describe('error statuses', () => {
  registerModuleErrors(SERVER_MODULES);
  const moduleCodes = SERVER_MODULES.flatMap((m) => Object.keys(m.errors ?? {}));
  const all = [...ERROR_CODES, ...moduleCodes];

  it('are the ones docs/api.md documents, for the platform and every module', () => {
    const docs = documented();
    const wrong = all
      .filter((c) => statusOf(c) !== docs.get(c))
      .map((c) => `${c}: server ${statusOf(c)}, docs ${docs.get(c) ?? 'missing'}`);
    expect(wrong).toEqual([]);
    expect(
      [...docs.keys()].filter((c) => !all.includes(c)),
      'documented but declared nowhere',
    ).toEqual([]);
  });

  it('are declared once across the platform and the modules, each with ja and en messages', () => {
    expect(all.filter((c, i) => all.indexOf(c) !== i)).toEqual([]);
    for (const m of SERVER_MODULES) {
      for (const [code, e] of Object.entries(m.errors ?? {})) {
        expect(e.ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(e.en, code).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
  });
});

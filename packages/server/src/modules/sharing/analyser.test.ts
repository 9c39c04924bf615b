import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyser, personSpans, spansOfTokens } from './analyser.ts';
import { sentences, sentenceTokens } from './lattice.ts';

// The linear lattice (lattice.ts) and the per-sentence split must give exactly what kuromoji's own
// `tokenize` of the whole text gives: same tokens, same person spans.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const corpus = readFileSync(path.join(ROOT, 'test/fixtures/sharing/corpus.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const pick = (t: { surface_form: string; pos: string; pos_detail_1: string; pos_detail_2: string }) => ({
  surface_form: t.surface_form,
  pos: t.pos,
  pos_detail_1: t.pos_detail_1,
  pos_detail_2: t.pos_detail_2,
});

async function same(text: string) {
  const tokenizer = await analyser();
  for (const [s, e] of sentences(text)) {
    const sentence = text.slice(s, e);
    expect(sentenceTokens(tokenizer, sentence), sentence).toEqual(tokenizer.tokenize(sentence).map(pick));
  }
  expect(personSpans(tokenizer, text), text).toEqual(spansOfTokens(tokenizer.tokenize(text), text));
}

describe('person names through the linear lattice', () => {
  it('equals kuromoji on every report of the labelled corpus, and on them all as one text', async () => {
    for (const text of corpus) await same(text);
    await same(corpus.join('\n'));
    // Not vacuous: the corpus holds names.
    expect(personSpans(await analyser(), corpus.join('\n')).length).toBeGreaterThan(10);
  });

  it('equals kuromoji on long sentences, surrogate pairs, full-width, katakana runs and ASCII', async () => {
    await same('山田太郎さんと佐藤花子様が'.repeat(200));
    await same('😀北斗電機の山田太郎さん、𠮷野家の𠮷田さん。ｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｃｏｍ');
    await same('ア'.repeat(300) + '鈴木一郎氏' + 'x'.repeat(300) + '\n\n田中さん\tTanaka-san, 03-1234-5678');
    await same('Mr. Tanaka met Sato. 1-2-3, Chiyoda-ku\nsecond line、高橋');
    await same(
      '佐藤さんのログ ' + 'QUJD'.repeat(400) + '0123456789'.repeat(100) + 'ｱｲｳ'.repeat(100) + ' 田中様',
    );
    await same('');
  });

  it('equals kuromoji on random mixtures of scripts (fast-check, fixed seed)', async () => {
    const tokenizer = await analyser();
    const pieces = [
      '山田',
      '太郎',
      'さん',
      '様',
      '、',
      '。',
      'ア',
      'イン',
      'ー',
      'a',
      'Z',
      '1',
      '１',
      ' ',
      '\n',
      '😀',
      '𠮷',
      'の',
      '氏',
      '株式会社',
      '北斗',
      '-',
      '.',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        for (const [s, e] of sentences(text)) {
          const sentence = text.slice(s, e);
          expect(sentenceTokens(tokenizer, sentence)).toEqual(tokenizer.tokenize(sentence).map(pick));
        }
        expect(personSpans(tokenizer, text)).toEqual(spansOfTokens(tokenizer.tokenize(text), text));
      }),
      { numRuns: 500, seed: 15 },
    );
  });
});

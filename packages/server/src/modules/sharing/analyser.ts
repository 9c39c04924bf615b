import kuromoji, { type IpadicFeatures, type Tokenizer } from '@sglkc/kuromoji';
import type { AnalysedSpan } from '@shinrai/core/sharing';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sentences, sentenceTokens, type Token } from './lattice.ts';

// The Japanese morphological analyser (kuromoji, IPADIC). Its dictionary (about 17 MB unpacked) is read from
// node_modules once per thread, on first use, never per request. In the server it runs in the parse workers
// (sanitize-task.ts), which load it at server start (sanitize.ts `warmAnalysers`); the CLI uses it in-process.

let loading: Promise<Tokenizer<IpadicFeatures>> | null = null;

function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@sglkc/kuromoji/package.json')), 'dict');
}

/** The tokenizer, loaded once per thread (the process's, or a parse worker's). */
export function analyser(): Promise<Tokenizer<IpadicFeatures>> {
  loading ??= new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryPath() }).build((err, tokenizer) => {
      if (err) {
        loading = null;
        reject(err);
      } else resolve(tokenizer);
    });
  });
  return loading;
}

const isName = (t: Token) => t.pos === '名詞' && t.pos_detail_1 === '固有名詞' && t.pos_detail_2 === '人名';
const isNameSuffix = (t: Token | undefined) => t?.pos_detail_1 === '接尾' && t.pos_detail_2 === '人名';
const KATAKANA = /[\u30a1-\u30fa]/;
const CJK = /^[\u4e00-\u9fff\u3005\u30a0-\u30ff]+$/;
const ASCII = /^[\x20-\x7e]+$/;
// ASCII and its blanks (tab, new line): kuromoji's tokens there are ASCII or blank too.
const ASCII_OR_EMPTY = /^[\t\n\r\x20-\x7e]*$/;

/**
 * Person spans among the tokens of one sentence that starts at `offset` in `text`: runs of tokens tagged
 * 固有名詞・人名 (姓 + 名), and a kanji or katakana noun right before a name suffix (さん, 様, 氏) that the
 * dictionary does not know as a name. Offsets are UTF-16.
 */
export function spansOfTokens(tokens: readonly Token[], text: string, offset = 0): AnalysedSpan[] {
  const spans: AnalysedSpan[] = [];
  let at = offset;
  const starts = tokens.map((t) => {
    const s = at;
    at += t.surface_form.length;
    return s;
  });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const unknownBeforeSuffix =
      t.pos === '名詞' &&
      (t.pos_detail_1 === '一般' || t.pos_detail_1 === '固有名詞') &&
      CJK.test(t.surface_form) &&
      isNameSuffix(tokens[i + 1]);
    if (!isName(t) && !unknownBeforeSuffix) continue;
    const start = starts[i] as number;
    let end = start + t.surface_form.length;
    while (i + 1 < tokens.length && isName(tokens[i + 1] as Token)) {
      i++;
      end = (starts[i] as number) + (tokens[i] as Token).surface_form.length;
    }
    // Latin words are tagged by IPADIC as 組織/人名 at random; the Latin-name rule in core decides those.
    if (ASCII.test(text.slice(start, end))) continue;
    // Part of a katakana compound (マイ|ナンバー, 出口|ノード): not a name.
    if (KATAKANA.test(text[end] ?? '') || KATAKANA.test(text[start - 1] ?? '')) continue;
    spans.push({ start, end, category: 'person' });
  }
  return spans;
}

/**
 * Person names the analyser finds in a text (see `spansOfTokens`). The text is cut where kuromoji cuts it
 * (after 、 and 。: no name run or suffix crosses that), sentences of ASCII only are skipped (every span in
 * them would be Latin, which the rule above leaves to core), and each sentence goes through the linear
 * lattice of `lattice.ts`. The result equals kuromoji's `tokenize` of the whole text under the same rule.
 */
export function personSpans(tokenizer: Tokenizer<IpadicFeatures>, text: string): AnalysedSpan[] {
  const spans: AnalysedSpan[] = [];
  for (const [s, e] of sentences(text)) {
    const sentence = text.slice(s, e);
    if (ASCII_OR_EMPTY.test(sentence)) continue;
    for (const span of spansOfTokens(sentenceTokens(tokenizer, sentence), text, s)) spans.push(span);
  }
  return spans;
}

/** Person spans of a text, loading the analyser if needed. */
export async function analysePersons(text: string): Promise<AnalysedSpan[]> {
  return personSpans(await analyser(), text);
}

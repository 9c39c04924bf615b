import kuromoji, { type IpadicFeatures, type Tokenizer } from '@sglkc/kuromoji';
import type { AnalysedSpan } from '@shinrai/core/sharing';
import { createRequire } from 'node:module';
import path from 'node:path';

// The Japanese morphological analyser (kuromoji, IPADIC). Its dictionary (about 17 MB unpacked) is read from
// node_modules once, on first use or at server start (`warmAnalyser`), never per request.

let loading: Promise<Tokenizer<IpadicFeatures>> | null = null;

function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@sglkc/kuromoji/package.json')), 'dict');
}

/** The tokenizer, loaded once per process. */
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

/** Starts loading in the background (server start); a failure is retried on first use. */
export function warmAnalyser(): void {
  analyser().catch(() => undefined);
}

const isName = (t: IpadicFeatures) =>
  t.pos === '名詞' && t.pos_detail_1 === '固有名詞' && t.pos_detail_2 === '人名';
const isNameSuffix = (t: IpadicFeatures | undefined) =>
  t?.pos_detail_1 === '接尾' && t.pos_detail_2 === '人名';
const KATAKANA = /[\u30a1-\u30fa]/;
const CJK = /^[\u4e00-\u9fff\u3005\u30a0-\u30ff]+$/;

/**
 * Person names the analyser finds: runs of tokens tagged 固有名詞・人名 (姓 + 名), and a kanji or katakana noun
 * right before a name suffix (さん, 様, 氏) that the dictionary does not know as a name. Offsets are UTF-16.
 */
export function personSpans(tokenizer: Tokenizer<IpadicFeatures>, text: string): AnalysedSpan[] {
  const tokens = tokenizer.tokenize(text);
  const spans: AnalysedSpan[] = [];
  let at = 0;
  const starts = tokens.map((t) => {
    const s = at;
    at += t.surface_form.length;
    return s;
  });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as IpadicFeatures;
    const unknownBeforeSuffix =
      t.pos === '名詞' &&
      (t.pos_detail_1 === '一般' || t.pos_detail_1 === '固有名詞') &&
      CJK.test(t.surface_form) &&
      isNameSuffix(tokens[i + 1]);
    if (!isName(t) && !unknownBeforeSuffix) continue;
    const start = starts[i] as number;
    let end = start + t.surface_form.length;
    while (i + 1 < tokens.length && isName(tokens[i + 1] as IpadicFeatures)) {
      i++;
      end = (starts[i] as number) + (tokens[i] as IpadicFeatures).surface_form.length;
    }
    // Latin words are tagged by IPADIC as 組織/人名 at random; the Latin-name rule in core decides those.
    if (/^[\x20-\x7e]+$/.test(text.slice(start, end))) continue;
    // Part of a katakana compound (マイ|ナンバー, 出口|ノード): not a name.
    if (KATAKANA.test(text[end] ?? '') || KATAKANA.test(text[start - 1] ?? '')) continue;
    spans.push({ start, end, category: 'person' });
  }
  return spans;
}

/** Person spans of a text, loading the analyser if needed. */
export async function analysePersons(text: string): Promise<AnalysedSpan[]> {
  return personSpans(await analyser(), text);
}

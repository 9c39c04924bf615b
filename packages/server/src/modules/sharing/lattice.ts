import type { IpadicFeatures, Tokenizer } from '@sglkc/kuromoji';
import { createRequire } from 'node:module';

// kuromoji's word lattice, built in time linear in the sentence (issue 15: 1 MB of Japanese in < 2 s).
//
// kuromoji's own ViterbiBuilder.build, for every character of a sentence, copies the rest of the sentence,
// encodes it to UTF-8 (a new buffer of 4 bytes per character) and scans it again for surrogate pairs, so a
// sentence of n characters costs n² and most of the time went to allocation and garbage collection. This builds
// the same lattice from one UTF-8 encoding of the sentence, walking the dictionary's double-array trie byte by
// byte from each position until it fails (what commonPrefixSearch does), and hands it to kuromoji's own Viterbi
// search. Sentences with surrogate code units (emoji, rare kanji) go through kuromoji's builder unchanged: its
// positions count code points, ours UTF-16 units. `analyser.test.ts` checks the tokens equal kuromoji's.
//
// It reads kuromoji's internals (pinned version of @sglkc/kuromoji); the test fails if they change.

interface CharClass {
  class_id: number;
  class_name: string;
  is_always_invoke: unknown;
  is_grouping: unknown;
}
interface Dict {
  target_map: Record<number, ArrayLike<number | string>>;
  dictionary: { getShort(i: number): number };
  getFeatures(id: number | string): string | null;
}
interface LatticeNode {
  name: number;
  type: string;
  surface_form: string;
  start_pos: number;
  length: number;
}
interface Lattice {
  append(node: LatticeNode): void;
  appendEos(): void;
}
interface Internals {
  token_info_dictionary: Dict;
  unknown_dictionary: Dict & { lookup(ch: string): CharClass };
  viterbi_builder: {
    trie: { bc: { getBase(i: number): number; getCheck(i: number): number } };
    build(sentence: string): Lattice;
  };
  viterbi_searcher: { search(lattice: Lattice): LatticeNode[] };
}

const require = createRequire(import.meta.url);
const ViterbiLattice = require('@sglkc/kuromoji/src/viterbi/ViterbiLattice.js') as new () => Lattice;
const ViterbiNode = require('@sglkc/kuromoji/src/viterbi/ViterbiNode.js') as new (
  name: number,
  cost: number,
  startPos: number,
  length: number,
  type: string,
  leftId: number,
  rightId: number,
  surface: string,
) => LatticeNode;

/** What the person rule reads of a token. */
export type Token = Pick<IpadicFeatures, 'surface_form' | 'pos' | 'pos_detail_1' | 'pos_detail_2'>;

const SURROGATE = /[\ud800-\udfff]/;
const encoder = new TextEncoder();

/** A lattice node for dictionary entry `id` (cost at +4, left and right ids at +0 and +2, as kuromoji reads them). */
function node(dict: Dict, id: number, pos: number, key: string, type: 'KNOWN' | 'UNKNOWN') {
  const d = dict.dictionary;
  return new ViterbiNode(
    id,
    d.getShort(id + 4),
    pos + 1,
    key.length,
    type,
    d.getShort(id),
    d.getShort(id + 2),
    key,
  );
}

function build(k: Internals, sentence: string): Lattice {
  const lattice = new ViterbiLattice();
  const bytes = encoder.encode(sentence);
  // charAtByte[b] = the UTF-16 index whose encoding starts at byte b (−1 inside a character).
  const charAtByte = new Int32Array(bytes.length + 1).fill(-1);
  const byteAt = new Int32Array(sentence.length + 1);
  for (let i = 0, b = 0; i < sentence.length; i++) {
    charAtByte[b] = i;
    byteAt[i] = b;
    const c = sentence.charCodeAt(i);
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  charAtByte[bytes.length] = sentence.length;
  byteAt[sentence.length] = bytes.length;
  const { bc } = k.viterbi_builder.trie;
  const known = k.token_info_dictionary;
  const unknown = k.unknown_dictionary;
  const classes = new Array<CharClass>(sentence.length);
  for (let i = 0; i < sentence.length; i++) classes[i] = unknown.lookup(sentence[i] as string);
  // runEnd[i]: where the run of characters of i's class ends (kuromoji groups unknown words over it; it scans the
  // run again from every position, n² on a long run of letters or digits).
  const runEnd = new Int32Array(sentence.length);
  for (let i = sentence.length - 1; i >= 0; i--)
    runEnd[i] =
      i + 1 < sentence.length && classes[i + 1]!.class_name === classes[i]!.class_name
        ? runEnd[i + 1]!
        : i + 1;

  for (let pos = 0; pos < sentence.length; pos++) {
    let found = 0;
    // The trie from this character on: every dictionary word that starts here (DoubleArray.commonPrefixSearch).
    let parent = 0;
    for (let b = byteAt[pos] as number; b < bytes.length; b++) {
      const child = bc.getBase(parent) + (bytes[b] as number);
      if (bc.getCheck(child) !== parent) break;
      parent = child;
      const term = bc.getBase(child); // terminal code 0
      if (bc.getCheck(term) !== child) continue;
      const end = charAtByte[b + 1] as number;
      if (end < 0) continue;
      const base = bc.getBase(term);
      const ids = known.target_map[-base - 1];
      if (base > 0 || !ids) continue;
      found++;
      const key = sentence.slice(pos, end);
      for (let i = 0; i < ids.length; i++) {
        lattice.append(node(known, Number(ids[i]), pos, key, 'KNOWN'));
      }
    }
    // Unknown words (kuromoji's rule, same comparisons).
    const head = classes[pos]!;
    if (found === 0 || head.is_always_invoke === 1) {
      const key = sentence.slice(pos, head.is_grouping === 1 ? runEnd[pos] : pos + 1);
      const ids = unknown.target_map[head.class_id] ?? [];
      for (let j = 0; j < ids.length; j++) {
        lattice.append(node(unknown, Number(ids[j]), pos, key, 'UNKNOWN'));
      }
    }
  }
  lattice.appendEos();
  return lattice;
}

/** Entries kept at most (a few MB); a text of 1 MB uses about 10,000. */
const FEATURE_CACHE_MAX = 50_000;
const featureCache = new WeakMap<object, Map<string, string[]>>();

/**
 * The tokens of one sentence (what kuromoji's `tokenizeForSentence` gives, limited to the fields we read).
 * Features are read once per dictionary entry and kept (the dictionary never changes).
 */
export function sentenceTokens(tokenizer: Tokenizer<IpadicFeatures>, sentence: string): Token[] {
  const k = tokenizer as unknown as Internals;
  const lattice = SURROGATE.test(sentence) ? k.viterbi_builder.build(sentence) : build(k, sentence);
  const path = k.viterbi_searcher.search(lattice);
  let cache = featureCache.get(tokenizer);
  if (!cache) featureCache.set(tokenizer, (cache = new Map<string, string[]>()));
  const out: Token[] = [];
  for (const node of path) {
    const dict =
      node.type === 'KNOWN' ? k.token_info_dictionary : node.type === 'UNKNOWN' ? k.unknown_dictionary : null;
    const key = `${node.type}:${node.name}`;
    let f = cache.get(key);
    if (!f) {
      f = dict?.getFeatures(node.name)?.split(',') ?? [];
      if (cache.size >= FEATURE_CACHE_MAX) cache.clear();
      cache.set(key, f);
    }
    // IpadicFormatter: a known word's feature 0 is its surface form, an unknown word's is the node's.
    out.push({
      surface_form: (node.type === 'UNKNOWN' ? node.surface_form : f[0]) as string,
      pos: f[1] as string,
      pos_detail_1: f[2] as string,
      pos_detail_2: f[3] as string,
    });
  }
  return out;
}

/** kuromoji's sentence split (after each 、 and 。), as offsets. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3001 || c === 0x3002) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

import { versFailure, type VersFailure } from './errors.ts';
import { parseVersLenient, type VersRange } from './parse.ts';

const COMPARATOR = /^(>=|<=|!=|==|=|>|<)?\s*(.+)$/;

/**
 * A version range as people type it, read for one vers scheme: vers text as it is ("vers:npm/>=1|<2"),
 * or plain notation — constraints separated by spaces, commas or "|" (">=2.0.0 <2.17.1", ">= 1.2, < 2",
 * "<3.3.6", "1.4.0" for exactly that version). Plain constraints become vers constraints of the given
 * scheme, sorted and checked like hand-written vers.
 */
export function readVersionRange(scheme: string, text: string): VersRange | VersFailure {
  const input = text.trim();
  if (input.toLowerCase().startsWith('vers:')) return parseVersLenient(input);
  if (input === '' || input === '*') return parseVersLenient(`vers:${scheme}/*`);
  // "<= 1.2" keeps its comparator with the version: join them before splitting on spaces.
  const tokens = input
    .replace(/(>=|<=|!=|==|=|>|<)\s+/g, '$1')
    .split(/[\s,|]+/)
    .filter((t) => t !== '');
  const parts: string[] = [];
  for (const token of tokens) {
    const m = COMPARATOR.exec(token);
    if (!m?.[2] || /[<>=!]/.test(m[2])) return versFailure('bad_version', text);
    const op = m[1] === '==' || m[1] === '=' || m[1] === undefined ? '' : m[1];
    parts.push(`${op}${encodeURIComponent(m[2])}`);
  }
  return parseVersLenient(`vers:${scheme}/${parts.join('|')}`);
}

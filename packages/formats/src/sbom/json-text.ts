import type { SbomProblem } from './problems.ts';

/** Deeper documents are refused: validators and normalizers recurse per level. */
export const MAX_DEPTH = 256;

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: SbomProblem };

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * Offset of the first JSON syntax error, found with a small iterative scanner. Only used after
 * JSON.parse failed, because V8's message does not always carry a position.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  type Want = 'value' | 'after-value' | 'key' | 'colon';
  let want: Want = 'value';
  const skipWs = () => {
    while (i < text.length && WS.has(text[i] ?? '')) i++;
  };
  const scanString = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return true;
      }
      if (c === '\\') i += 2;
      else if (c !== undefined && c < ' ') return false;
      else i++;
    }
    return false;
  };
  for (;;) {
    skipWs();
    if (i >= text.length) return text.length;
    const c = text[i] ?? '';
    if (want === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skipWs();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          want = 'after-value';
        } else want = c === '{' ? 'key' : 'value';
      } else if (c === '"') {
        if (!scanString()) return i;
        want = 'after-value';
      } else {
        const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
          text.slice(i, i + 64),
        );
        if (!m) return i;
        i += m[0].length;
        want = 'after-value';
      }
    } else if (want === 'key') {
      if (c !== '"' || !scanString()) return i;
      want = 'colon';
    } else if (want === 'colon') {
      if (c !== ':') return i;
      i++;
      want = 'value';
    } else {
      const top = stack.at(-1);
      if (top === undefined) return i;
      if (c === ',') {
        i++;
        want = top === '{' ? 'key' : 'value';
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop();
        i++;
        if (stack.length === 0) {
          skipWs();
          return i;
        }
      } else return i;
    }
  }
}

/** JSON.parse with a located syntax problem instead of an exception. */
export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(message);
    const offset = m?.[1] !== undefined ? Number(m[1]) : jsonErrorOffset(text);
    const detail = message.split('\n')[0]?.slice(0, 200) ?? message;
    return { ok: false, problem: { code: 'json_syntax', ...lineColumn(text, offset), params: { detail } } };
  }
}

/** True when the value nests deeper than `limit` (iterative, stops early). */
export function deeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop() ?? 0;
    if (depth > limit) return true;
    if (Array.isArray(v)) {
      for (const c of v) {
        if (c !== null && typeof c === 'object') {
          values.push(c);
          depths.push(depth + 1);
        }
      }
    } else {
      const o = v as Record<string, unknown>;
      for (const k in o) {
        const c = o[k];
        if (c !== null && typeof c === 'object') {
          values.push(c);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

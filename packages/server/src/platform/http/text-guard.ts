import { DomainError, type Locale } from '@shinrai/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isUtf8 } from 'node:buffer';
import { errorBody, requestLocale } from './errors.ts';

/**
 * Text the API refuses wherever it comes in, at the edge and for every route alike: invalid UTF-8
 * bytes (JSON bodies, the URL), U+0000 (PostgreSQL cannot store it; SQLite would, so the two databases
 * answered differently) and lone UTF-16 surrogates (JSON escapes such as "\ud800", which no database
 * stores as sent). Multipart field and file names are checked as the route reads them, with U+FFFD
 * (what undecodable bytes of a name became) refused too. The answer is a 400 validation_failed whose
 * details name the part (`in`) and the JSON pointer of the value or key.
 */
export type TextProblem = 'nul' | 'surrogate' | 'utf8';

const MESSAGES: Record<TextProblem, Record<Locale, string>> = {
  nul: {
    ja: 'NUL 文字（U+0000）は使えません。',
    en: 'The NUL character (U+0000) is not allowed.',
  },
  surrogate: {
    ja: '対になっていないサロゲート（U+D800〜U+DFFF）は文字として使えません。',
    en: 'A lone surrogate (U+D800–U+DFFF) is not a character.',
  },
  utf8: {
    ja: 'UTF-8 として正しくないバイト列が含まれています。',
    en: 'The bytes are not valid UTF-8.',
  },
};

// Code units, not code points (no u flag): a pair is fine, either half alone is not. U+0000 is the point.
// eslint-disable-next-line no-control-regex
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string, or null. */
export function textProblem(s: string): TextProblem | null {
  const m = BAD.exec(s);
  if (!m) return null;
  return m[0] === '\u0000' ? 'nul' : 'surrogate';
}

const escapePointer = (k: string) => k.replaceAll('~', '~0').replaceAll('/', '~1');

/** The first bad string (value or key) inside a parsed JSON value, with its JSON pointer. Iterative: no depth limit. */
export function findBadText(value: unknown): { pointer: string; problem: TextProblem } | null {
  const stack: { v: unknown; p: string }[] = [{ v: value, p: '' }];
  while (stack.length > 0) {
    const { v, p } = stack.pop() as { v: unknown; p: string };
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { pointer: p, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], p: `${p}/${i}` });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).reverse();
      for (const [k, child] of entries) {
        const problem = textProblem(k);
        if (problem) return { pointer: `${p}/${escapePointer(k)}`, problem };
        stack.push({ v: child, p: `${p}/${escapePointer(k)}` });
      }
    }
  }
  return null;
}

function refuse(req: FastifyRequest, where: string, pointer: string, problem: TextProblem): never {
  throw new DomainError('validation_failed', [
    { in: where, pointer, message: MESSAGES[problem][requestLocale(req)] },
  ]);
}

/** The bytes a percent-encoded URL part stands for (`+` is a space in a query). */
function percentBytes(s: string, plusIsSpace: boolean): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const hex = c === 0x25 ? s.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (plusIsSpace && c === 0x2b) out.push(0x20);
    else if (c < 0x80) out.push(c);
    else for (const b of Buffer.from(s[i] ?? '', 'utf8')) out.push(b);
  }
  return Buffer.from(out);
}

function checkBytes(req: FastifyRequest, where: string, pointer: string, bytes: Buffer): void {
  if (!isUtf8(bytes)) refuse(req, where, pointer, 'utf8');
  if (bytes.includes(0)) refuse(req, where, pointer, 'nul');
}

/** The raw URL: each path segment and each query name and value, as bytes. */
function checkUrl(req: FastifyRequest): void {
  const url = req.raw.url ?? req.url;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path.includes('%')) checkBytes(req, 'params', '', percentBytes(path, false));
  if (q === -1) return;
  for (const pair of url.slice(q + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const nameBytes = percentBytes(rawName, true);
    const pointer = isUtf8(nameBytes) ? `/${escapePointer(nameBytes.toString('utf8'))}` : '';
    checkBytes(req, 'querystring', pointer, nameBytes);
    if (eq !== -1) checkBytes(req, 'querystring', pointer, percentBytes(pair.slice(eq + 1), true));
  }
}

interface Part {
  type: 'file' | 'field';
  fieldname: string;
  filename?: string;
  value?: unknown;
}

function checkPart(req: FastifyRequest, part: Part): void {
  const name = `/${escapePointer(part.fieldname)}`;
  const nameProblem = textProblem(part.fieldname) ?? (part.fieldname.includes('\ufffd') ? 'utf8' : null);
  if (nameProblem) refuse(req, 'body', '', nameProblem);
  if (part.type === 'file' && typeof part.filename === 'string') {
    const p = textProblem(part.filename) ?? (part.filename.includes('\ufffd') ? 'utf8' : null);
    if (p) refuse(req, 'body', `${name}/filename`, p);
  }
  if (part.type === 'field' && typeof part.value === 'string') {
    const p = textProblem(part.value);
    if (p) refuse(req, 'body', name, p);
  }
}

/** Installs the checks on an app: the JSON parser, a preValidation hook, and checked multipart parts. */
export function registerTextGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) {
      done(
        new DomainError('validation_failed', [
          { in: 'body', pointer: '', message: MESSAGES.utf8[requestLocale(req)] },
        ]),
        undefined,
      );
      return;
    }
    void parseJson(req, bytes.toString('utf8'), done);
  });

  app.addHook('preValidation', async (req) => {
    // The parsed parts first (they name the parameter), then the raw URL's bytes.
    for (const [where, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const bad = findBadText(value);
      if (bad) refuse(req, where, bad.pointer, bad.problem);
    }
    checkUrl(req);
    if (req.isMultipart()) {
      const parts = req.parts.bind(req);
      req.parts = async function* checkedParts(options) {
        for await (const part of parts(options)) {
          checkPart(req, part);
          yield part;
        }
      };
    }
  });
}

/**
 * Fastify's own answer to a path whose percent-encoding is not UTF-8 (FST_ERR_BAD_URL, before any
 * route is found), in the API's error body: `frameworkErrors` of the app options.
 */
export function badUrlBody(req: FastifyRequest) {
  const locale = requestLocale(req);
  return errorBody('validation_failed', locale, [
    { in: 'params', pointer: '', message: MESSAGES.utf8[locale] },
  ]);
}

import {
  emlPrescan,
  extractUrls,
  parseAuthResults,
  parseReceived,
  RECIPIENT_PLACEHOLDER,
  redactRecipients,
  type EmlLimitProblem,
  type EmlSummary,
} from '@shinrai/core/sharing';
import { simpleParser, type AddressObject } from 'mailparser';
import { createHash } from 'node:crypto';

// The .eml is parsed by mailparser (the nodemailer project's parser: MIME trees, RFC 2047 words,
// ISO-2022-JP and other legacy charsets, quoted-printable and base64). Limits are checked before
// (core emlPrescan); the mail's own attachments are hashed and dropped, never kept as files. `readEml` is a
// parse-worker task (worker-tasks.ts): all of it runs off the event loop, and its result is plain data.

/** The body of a mail joins the report text up to this many characters. */
export const MAX_BODY_CHARS = 20_000;

export type EmlRead = { ok: true; summary: EmlSummary } | { ok: false; problem: EmlLimitProblem };

/**
 * Prescan (limits, before the parser sees the mail), parse, recipients removed, attachments hashed, the body
 * cut to MAX_BODY_CHARS. A mail the parser cannot read is `not_mail` at line 1.
 */
export async function readEml(bytes: Uint8Array): Promise<EmlRead> {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const problem = emlPrescan(data.toString('latin1'));
  if (problem) return { ok: false, problem };
  let summary: EmlSummary;
  try {
    summary = await parseEml(data);
  } catch {
    return { ok: false, problem: { code: 'not_mail', line: 1 } };
  }
  if (summary.body.length > MAX_BODY_CHARS) summary.body = `${summary.body.slice(0, MAX_BODY_CHARS)}\n[…]`;
  return { ok: true, summary };
}

const addrs = (v: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(v) ? v : v ? [v] : [])
    .flatMap((a) => a.value)
    .flatMap(function flat(e): { address: string; name: string }[] {
      return e.group ? e.group.flatMap(flat) : [{ address: e.address ?? '', name: e.name ?? '' }];
    });

const headerValues = (lines: readonly { key: string; line: string }[], key: string) =>
  lines.filter((l) => l.key === key).map((l) => l.line.slice(l.line.indexOf(':') + 1).trim());

const bare = (s: string | undefined | null) => {
  const m = /<([^>]*)>/.exec(s ?? '');
  const v = (m ? m[1] : s)?.trim();
  return v ? v : null;
};

const hash = (alg: string, b: Buffer) => createHash(alg).update(b).digest('hex');

/** Reads an .eml into what the report shows; every recipient address and name is replaced by a placeholder. */
export async function parseEml(data: Buffer): Promise<EmlSummary> {
  const m = await simpleParser(data, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  const lines = m.headerLines;
  const recipients = [
    ...addrs(m.to),
    ...addrs(m.cc),
    ...addrs(m.bcc),
    ...[...headerValues(lines, 'delivered-to'), ...headerValues(lines, 'x-original-to')].map((a) => ({
      address: bare(a) ?? '',
      name: '',
    })),
  ];
  const received = headerValues(lines, 'received');
  for (const r of received)
    for (const f of r.matchAll(/\bfor\s+<?([^\s>;]+@[^\s>;]+)>?/gi))
      recipients.push({ address: f[1] ?? '', name: '' });
  const unique = recipients.filter(
    (r, i) =>
      r.address && recipients.findIndex((o) => o.address.toLowerCase() === r.address.toLowerCase()) === i,
  );
  const scrub = (s: string) => redactRecipients(s, recipients);
  // A sender spoofed as the recipient (the "your account sent this" scams) is the recipient: hidden, no indicator.
  const own = (a: string | null | undefined) =>
    a
      ? recipients.some((r) => r.address.toLowerCase() === a.toLowerCase())
        ? RECIPIENT_PLACEHOLDER
        : a
      : null;
  const from = addrs(m.from)[0];
  // Its display name is then the recipient's name too.
  if (from && own(from.address) === RECIPIENT_PLACEHOLDER) recipients.push(from);
  const body = scrub(m.text ?? '');
  return {
    from: from ? { address: own(from.address) ?? '', name: scrub(from.name) } : null,
    replyTo: own(addrs(m.replyTo)[0]?.address),
    returnPath: own(bare(headerValues(lines, 'return-path')[0])),
    subject: m.subject ? scrub(m.subject) : null,
    date: m.date ? m.date.toISOString() : null,
    messageId: m.messageId ?? null,
    xMailer: headerValues(lines, 'x-mailer')[0] ?? null,
    auth: parseAuthResults(headerValues(lines, 'authentication-results')),
    received: received.map(parseReceived),
    body,
    urls: extractUrls(`${m.text ?? ''}\n${typeof m.html === 'string' ? extractHrefs(m.html) : ''}`).map(
      scrub,
    ),
    attachments: m.attachments.map((a) => ({
      name: scrub(a.filename ?? ''),
      contentType: a.contentType,
      size: a.content.length,
      sha256: hash('sha256', a.content),
      sha1: hash('sha1', a.content),
      md5: hash('md5', a.content),
    })),
    recipientsRedacted: unique.length,
  };
}

function extractHrefs(html: string): string {
  return [...html.matchAll(/href\s*=\s*["']?([^"'\s>]+)/gi)].map((h) => h[1]).join('\n');
}

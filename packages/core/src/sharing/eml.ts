import type { IndicatorType } from './vocab.ts';

// Pure rules for a suspicious e-mail (.eml) attached to a report: limits checked before parsing, the
// Received chain and Authentication-Results read, recipients redacted, URLs defanged for display, and the
// attacker-side values proposed as indicators. The MIME parsing itself happens in the server (mailparser).

export const EML_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxHeaders: 500,
  maxParts: 100,
  maxDepth: 8,
};

export type EmlLimitProblem =
  | { code: 'headers'; limit: number; line: number }
  | { code: 'parts'; limit: number; line: number }
  | { code: 'depth'; limit: number; line: number }
  | { code: 'not_mail'; line: number };

/**
 * Checks an .eml's shape before any parsing: header count of the top header block, number of MIME parts
 * (boundary lines) and nesting (distinct `boundary=` parameters, an upper bound of the depth). Returns the
 * first problem with its 1-based line, or null.
 */
export function emlPrescan(text: string, limits = EML_LIMITS): EmlLimitProblem | null {
  const lines = text.split(/\r?\n/);
  let headers = 0;
  let inTop = true;
  let sawHeader = false;
  const boundaries = new Set<string>();
  let parts = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (inTop) {
      if (line === '') {
        inTop = false;
        if (!sawHeader) return { code: 'not_mail', line: i + 1 };
      } else if (!/^[ \t]/.test(line)) {
        if (!/^[!-9;-~]+:/.test(line)) return { code: 'not_mail', line: i + 1 };
        sawHeader = true;
        if (++headers > limits.maxHeaders) return { code: 'headers', limit: limits.maxHeaders, line: i + 1 };
      }
    }
    const b = /boundary\s*=\s*"?([^";\s]+)"?/i.exec(line);
    if (b?.[1] && !boundaries.has(b[1])) {
      boundaries.add(b[1]);
      if (boundaries.size > limits.maxDepth) return { code: 'depth', limit: limits.maxDepth, line: i + 1 };
    }
    if (line.startsWith('--') && boundaries.size > 0) {
      const name = line
        .slice(2)
        .replace(/--\s*$/, '')
        .trimEnd();
      if (boundaries.has(name) && !line.trimEnd().endsWith('--'))
        if (++parts > limits.maxParts) return { code: 'parts', limit: limits.maxParts, line: i + 1 };
    }
  }
  if (!sawHeader) return { code: 'not_mail', line: 1 };
  return null;
}

/** `https://evil.example/x` → `hxxps://evil[.]example/x`: dots of the host bracketed, the scheme broken. */
export function defangUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(url);
  if (!m) return url.replace(/\./g, '[.]');
  const scheme = (m[1] ?? '').replace(/^http/i, (s) => (s[0] === 'H' ? 'HXXP' : 'hxxp'));
  return `${scheme}://${(m[2] ?? '').replace(/\./g, '[.]')}${m[3] ?? ''}`;
}

/** Dots of an address's domain, and of a domain or IPv4, bracketed for display. */
export const defangHost = (s: string) => s.replace(/\./g, '[.]');

const URL_RE = /\bhttps?:\/\/[^\s<>"'`()[\]{}、。「」（）]+/gi;

/**
 * A mail's URLs kept as indicators and in the report text: a phishing mail has a handful, and a hostile one with
 * hundreds of thousands would otherwise make the text the sanitizer reads unbounded.
 */
export const MAX_EML_URLS = 500;
/** Longer "URLs" are not kept (no browser or mail client follows them; the body keeps them, defanged). */
export const MAX_URL_LENGTH = 8192;

/** URLs in a text (http and https), without trailing punctuation, each once, in order; `limit` at most. */
export function extractUrls(text: string, limit = MAX_EML_URLS): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(URL_RE)) {
    const u = m[0].replace(/[.,;:!?'"]+$/, '');
    if (u.length > MAX_URL_LENGTH) continue;
    seen.add(u);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

export type AuthResult =
  'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy';

/** spf / dkim / dmarc results of Authentication-Results headers (the first of each method wins). */
export function parseAuthResults(values: readonly string[]): {
  spf: AuthResult | null;
  dkim: AuthResult | null;
  dmarc: AuthResult | null;
} {
  const res = {
    spf: null as AuthResult | null,
    dkim: null as AuthResult | null,
    dmarc: null as AuthResult | null,
  };
  for (const v of values)
    for (const m of v.matchAll(/\b(spf|dkim|dmarc)\s*=\s*([a-z]+)/gi)) {
      const method = (m[1] ?? '').toLowerCase() as 'spf';
      if (res[method] === null) res[method] = (m[2] ?? '').toLowerCase() as AuthResult;
    }
  return res;
}

export interface ReceivedHop {
  from: string | null;
  by: string | null;
  with: string | null;
  time: string | null;
  ips: string[];
}

const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.])/g;
const IPV6 = /\bIPv6:([0-9a-f:]+)|\[([0-9a-f]*:[0-9a-f:]+)\]/gi;

/**
 * One Received header as a hop. The `for <address>` clause names the recipient and is dropped (never
 * returned): it identifies the reporter.
 */
export function parseReceived(value: string): ReceivedHop {
  const flat = value.replace(/\s+/g, ' ').trim();
  const [clauses = '', time = ''] = splitLast(flat, ';');
  const noFor = clauses.replace(/\bfor\s+<?[^\s>]+>?/gi, ' ');
  const word = (k: string) => new RegExp(`\\b${k}\\s+(\\S+)`, 'i').exec(noFor)?.[1] ?? null;
  const fromPart = /\bfrom\s+(.*?)(?=\s\bby\b|\s\bwith\b|\s\bid\b|$)/i.exec(noFor)?.[1] ?? null;
  const ips: string[] = [];
  for (const m of (fromPart ?? '').matchAll(IPV4)) if (!ips.includes(m[0])) ips.push(m[0]);
  for (const m of (fromPart ?? '').matchAll(IPV6)) {
    const ip = (m[1] ?? m[2] ?? '').toLowerCase();
    if (ip && !ips.includes(ip)) ips.push(ip);
  }
  return {
    from: fromPart ? redactAddresses(fromPart.trim()) : null,
    by: word('by'),
    with: word('with'),
    time: time.trim() || null,
    ips,
  };
}

function splitLast(s: string, sep: string): [string, string] {
  const i = s.lastIndexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** The placeholder that stands for a recipient's address wherever it appeared. */
export const RECIPIENT_PLACEHOLDER = '［受信者］';

function redactAddresses(s: string): string {
  return s.replace(EMAIL_RE, RECIPIENT_PLACEHOLDER);
}

const GENERIC_LOCAL =
  /^(info|admin|support|contact|sales|office|mail|user|webmaster|postmaster|noreply|no-reply)$/i;

/**
 * Replaces every recipient address (and its local part followed by `@`, and the display names given) in a
 * text by the placeholder; case-insensitive.
 */
export function redactRecipients(
  text: string,
  recipients: readonly { address: string; name?: string }[],
): string {
  let out = text;
  const terms = new Set<string>();
  for (const r of recipients) {
    if (r.address) terms.add(r.address);
    // The local part alone (an account name such as t.sato) when it is specific enough to name someone.
    const local = r.address.split('@')[0] ?? '';
    if (local.length >= 4 && !GENERIC_LOCAL.test(local)) terms.add(local);
    if (r.name && r.name.trim().length >= 2) terms.add(r.name.trim());
  }
  for (const t of [...terms].sort((a, b) => b.length - a.length)) {
    const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // ASCII terms as whole tokens (t.sato, not the middle of another word); others anywhere.
    const re = /^[\x20-\x7e]+$/.test(t) ? `(?<![A-Za-z0-9._%+-])${escaped}(?![A-Za-z0-9_%+-])` : escaped;
    out = out.replace(new RegExp(re, 'gi'), RECIPIENT_PLACEHOLDER);
  }
  return out;
}

const PRIVATE_V4 =
  /^(10\.|127\.|169\.254\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|0\.)/;

/** Whether an IP (v4 or v6) is public: private, loopback, link-local and CGNAT ranges are not. */
export function isPublicIp(ip: string): boolean {
  if (ip.includes(':')) return !/^(::1?$|f[cd]|fe[89ab])/i.test(ip);
  return !PRIVATE_V4.test(ip);
}

/** What the server read from an .eml (recipients already removed). */
export interface EmlSummary {
  from: { address: string; name: string } | null;
  replyTo: string | null;
  returnPath: string | null;
  subject: string | null;
  date: string | null;
  messageId: string | null;
  xMailer: string | null;
  auth: ReturnType<typeof parseAuthResults>;
  received: ReceivedHop[];
  /** The body as text, recipients redacted. */
  body: string;
  /** Raw URLs of the body (indicator candidates); shown defanged. */
  urls: string[];
  attachments: {
    name: string;
    contentType: string;
    size: number;
    sha256: string;
    sha1: string;
    md5: string;
  }[];
  /** How many recipient addresses were removed (To, Cc, Delivered-To, X-Original-To, Received `for`). */
  recipientsRedacted: number;
  /** What the report text left out of this mail to stay within the report's limit (`emlReportText`). */
  textCut?: EmlTextCut;
}

/** What `emlReportText` left out to stay within its limit. */
export interface EmlTextCut {
  /** Characters of the whole text left out. */
  chars: number;
  /** Lines of the URL list left out (the URLs stay indicator candidates). */
  urls: number;
  /** Whether the end of the text (the body) was cut. */
  body: boolean;
}

export interface EmlIndicator {
  type: IndicatorType;
  value: string;
  reason:
    'eml_sender' | 'eml_reply_to' | 'eml_return_path' | 'eml_received_ip' | 'eml_url' | 'eml_attachment_hash';
}

/** Attacker-side values of a mail, proposed as indicators for the analyst to confirm. */
export function emlIndicators(s: EmlSummary): EmlIndicator[] {
  const out: EmlIndicator[] = [];
  const add = (type: IndicatorType, value: string | null | undefined, reason: EmlIndicator['reason']) => {
    const v = value?.trim();
    if (
      v &&
      !v.includes(RECIPIENT_PLACEHOLDER) &&
      !out.some((o) => o.type === type && o.value.toLowerCase() === v.toLowerCase())
    )
      out.push({ type, value: v, reason });
  };
  add('email', s.from?.address, 'eml_sender');
  add('email', s.replyTo, 'eml_reply_to');
  add('email', s.returnPath, 'eml_return_path');
  for (const hop of s.received)
    for (const ip of hop.ips)
      if (isPublicIp(ip)) add(ip.includes(':') ? 'ipv6' : 'ipv4', ip, 'eml_received_ip');
  for (const u of s.urls) add('url', u, 'eml_url');
  for (const a of s.attachments) add('sha256', a.sha256, 'eml_attachment_hash');
  return out;
}

/**
 * The text of a mail as it joins the report (and so goes through the sanitizer and the reporter's approval):
 * the attacker-side headers, the Received chain, authentication results, attachments' hashes, defanged URLs
 * and the body. Recipients are already gone.
 */
export function emlReportText(
  s: EmlSummary,
  filename: string,
  lang: 'ja' | 'en',
  maxChars = Number.POSITIVE_INFINITY,
): { text: string; cut: EmlTextCut | null } {
  const L =
    lang === 'ja'
      ? {
          head: '添付メール',
          hops: '経路 (Received)',
          atts: '添付ファイル',
          urls: '本文中の URL',
          body: '本文',
        }
      : {
          head: 'Attached mail',
          hops: 'Route (Received)',
          atts: 'Attachments',
          urls: 'URLs in the body',
          body: 'Body',
        };
  const lines = [`--- ${L.head}: ${filename} ---`];
  const urlLines = new Set<number>();
  const hdr = (k: string, v: string | null | undefined) => {
    if (v) lines.push(`${k}: ${v}`);
  };
  hdr('From', s.from ? `${s.from.name ? `${s.from.name} ` : ''}<${s.from.address}>` : null);
  hdr('Reply-To', s.replyTo);
  hdr('Return-Path', s.returnPath);
  hdr('Subject', s.subject);
  hdr('Date', s.date);
  hdr('Message-ID', s.messageId);
  hdr('X-Mailer', s.xMailer);
  lines.push(
    `Authentication-Results: spf=${s.auth.spf ?? '-'} dkim=${s.auth.dkim ?? '-'} dmarc=${s.auth.dmarc ?? '-'}`,
  );
  if (s.received.length) {
    lines.push(`${L.hops}:`);
    s.received.forEach((h, i) =>
      lines.push(
        `  ${i + 1}. from ${h.from ?? '-'} by ${h.by ?? '-'} with ${h.with ?? '-'}; ${h.time ?? ''}`,
      ),
    );
  }
  if (s.attachments.length) {
    lines.push(`${L.atts}:`);
    for (const a of s.attachments)
      lines.push(`  ${a.name} (${a.contentType}, ${a.size} B) SHA-256 ${a.sha256}`);
  }
  if (s.urls.length) {
    lines.push(`${L.urls}:`);
    for (const u of s.urls) urlLines.add(lines.push(`  ${defangUrl(u)}`) - 1);
  }
  lines.push(
    `${L.body}:`,
    s.body.trim().replace(URL_RE, (u) => defangUrl(u)),
  );
  return boundText(lines, urlLines, lang, maxChars);
}

/** Room kept for the note on what was cut. */
const CUT_NOTE_ROOM = 240;

/**
 * The lines joined, within `maxChars`: URL lines are left out first (from the end of the list: they stay
 * indicator candidates), then the end of the text (the body) is cut; a note in the report's language says what.
 */
function boundText(
  lines: readonly string[],
  urlLines: ReadonlySet<number>,
  lang: 'ja' | 'en',
  maxChars: number,
): { text: string; cut: EmlTextCut | null } {
  const full = lines.join('\n');
  if (full.length <= maxChars) return { text: full, cut: null };
  const budget = Math.max(0, maxChars - CUT_NOTE_ROOM);
  let size = full.length;
  const drop = new Set<number>();
  for (let i = lines.length - 1; i >= 0 && size > budget; i--)
    if (urlLines.has(i)) {
      drop.add(i);
      size -= (lines[i] as string).length + 1;
    }
  let text = lines.filter((_, i) => !drop.has(i)).join('\n');
  const body = text.length > budget;
  if (body) text = text.slice(0, /[\ud800-\udbff]/.test(text[budget - 1] ?? '') ? budget - 1 : budget);
  const cut: EmlTextCut = { chars: full.length - text.length, urls: drop.size, body };
  const n = (v: number) => v.toLocaleString('en-US');
  const note =
    lang === 'ja'
      ? `[省略: 報告本文の上限 ${n(maxChars)} 文字を超えるため、${[
          cut.urls ? `URL 一覧の ${n(cut.urls)} 件` : '',
          cut.body ? '本文の末尾' : '',
        ]
          .filter(Boolean)
          .join('と')}（計 ${n(cut.chars)} 文字）を省きました]`
      : `[Cut: over the report text limit of ${n(maxChars)} characters, ${[
          cut.urls ? `${n(cut.urls)} URLs of the list` : '',
          cut.body ? 'the end of the body' : '',
        ]
          .filter(Boolean)
          .join(' and ')} (${n(cut.chars)} characters in all) were left out]`;
  return { text: `${text}\n${note}`, cut };
}

/**
 * Percent-encoding of purl components (ECMA-427): letters, digits, `.-_~` and `:` stay as they
 * are, everything else is UTF-8 percent-encoded with upper-case hex.
 */
const KEEP = /^[A-Za-z0-9.\-_~:]$/;
const ALL_KEPT = /^[A-Za-z0-9.\-_~:]*$/;
const UTF8 = new TextEncoder();

export function encodePurlPart(s: string): string {
  if (ALL_KEPT.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (KEEP.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of UTF8.encode(ch)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Decodes percent escapes; null when an escape is malformed or not UTF-8. */
export function decodePurlPart(s: string): string | null {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

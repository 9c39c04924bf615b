/**
 * Folds full-width ASCII (０-９, Ａ-Ｚ, ＠, ．, －) and Japanese dashes to their ASCII forms one code unit for
 * one, so offsets found in the folded text are offsets in the original. (NFKC would change lengths.)
 */
const isDigitAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
};

export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2212) out += '-';
    // ー and ｰ are long-vowel marks in words (サービス); only between digits are they a dash (03ー1234).
    else if ((c === 0x30fc || c === 0xff70) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) out += '-';
    else out += text[i];
  }
  return out;
}

/** Undoes the usual defanging (hxxp, [.], (.), [@], [:]) of an indicator value. */
export function refang(value: string): string {
  return value
    .replace(/^hxxp/i, (m) => (m[0] === 'H' ? 'HTTP' : 'http'))
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]/gi, '.')
    .replace(/\[@\]|\(@\)|\[at\]/gi, '@')
    .replace(/\[:\]/g, ':');
}

/** Defangs a URL, domain or address for display: nothing in it is clickable or resolvable as written. */
export function defang(value: string): string {
  return value
    .replace(/^http/i, (m) => (m[0] === 'H' ? 'HXXP' : 'hxxp'))
    .replace(/\./g, '[.]')
    .replace(/@/g, '[@]');
}

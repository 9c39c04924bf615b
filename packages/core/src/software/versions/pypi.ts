/**
 * PyPI versions per PEP 440 (epoch, release, pre/post/dev, local), with the normalisation PEP 440
 * allows (case, separators, alternative spellings, implicit numbers). Strings PEP 440 rejects are
 * ordered as "legacy" versions before every PEP 440 version, as older setuptools did.
 */
import { basicCheck, type VersionFailure } from './errors.ts';
import { compareDigitLists, compareDigits, compareText, isDigits, stripZeros } from './numeric.ts';

/** Pre-release phase: 0 = a, 1 = b, 2 = rc. */
type PrePhase = 0 | 1 | 2;

export interface PypiKey {
  /** Legacy (non PEP 440) versions: a sortable token list; null for PEP 440 versions. */
  readonly legacy: string | null;
  readonly epoch: string;
  readonly release: readonly string[];
  readonly prePhase: PrePhase | -1;
  readonly preNumber: string;
  readonly post: string | null;
  readonly dev: string | null;
  readonly local: readonly string[];
}

// PEP 440 appendix B grammar, written for a lower-cased input.
const PEP440 =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/;

function phaseOf(label: string): PrePhase {
  switch (label) {
    case 'a':
    case 'alpha':
      return 0;
    case 'b':
    case 'beta':
      return 1;
    default:
      return 2; // c, rc, pre, preview
  }
}

/** Token list of a legacy version, after setuptools' old `parse_version`. */
function legacyKey(s: string): string {
  const parts: string[] = [];
  const tokens: string[] = [...(s.match(/\d+|[a-z]+|\.|-/g) ?? [])];
  tokens.push('final');
  for (const raw of tokens) {
    if (raw === '.') continue;
    let part: string;
    switch (raw) {
      case 'pre':
      case 'preview':
      case 'rc':
        part = '*c';
        break;
      case '-':
        part = '*final-';
        break;
      case 'dev':
        part = '*@';
        break;
      default:
        part = isDigits(raw) ? raw.padStart(8, '0') : '*' + raw;
    }
    if (part.startsWith('*')) {
      if (part < '*final') while (parts.length > 0 && parts[parts.length - 1] === '*final-') parts.pop();
      while (parts.length > 0 && parts[parts.length - 1] === '00000000') parts.pop();
    }
    parts.push(part);
  }
  return parts.join('');
}

export function parsePypi(input: string): PypiKey | VersionFailure {
  const bad = basicCheck(input);
  if (bad) return bad;
  const s = input.toLowerCase();
  const m = PEP440.exec(s);
  if (!m) {
    return {
      legacy: legacyKey(s),
      epoch: '0',
      release: [],
      prePhase: -1,
      preNumber: '0',
      post: null,
      dev: null,
      local: [],
    };
  }
  const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = m;
  return {
    legacy: null,
    epoch: stripZeros(epoch ?? '0'),
    release: (release ?? '0').split('.').map(stripZeros),
    prePhase: preL === undefined ? -1 : phaseOf(preL),
    preNumber: stripZeros(preN ?? '0'),
    post: postN1 !== undefined ? stripZeros(postN1) : postL !== undefined ? stripZeros(postN2 ?? '0') : null,
    dev: devL !== undefined ? stripZeros(devN ?? '0') : null,
    local: local === undefined ? [] : local.split(/[-_.]/),
  };
}

function compareLocal(a: readonly string[], b: readonly string[]): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const xn = isDigits(x);
    const yn = isDigits(y);
    let c: -1 | 0 | 1;
    if (xn && yn) c = compareDigits(stripZeros(x), stripZeros(y));
    else if (xn)
      c = 1; // numeric segments sort after alphanumeric ones
    else if (yn) c = -1;
    else c = compareText(x, y);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** A ".devN" release with no pre or post part sorts before that release's pre-releases. */
function devOnly(k: PypiKey): boolean {
  return k.prePhase === -1 && k.post === null && k.dev !== null;
}

export function comparePypiKeys(a: PypiKey, b: PypiKey): -1 | 0 | 1 {
  if (a.legacy !== null || b.legacy !== null) {
    if (a.legacy === null) return 1;
    if (b.legacy === null) return -1;
    return compareText(a.legacy, b.legacy);
  }
  let c = compareDigits(a.epoch, b.epoch);
  if (c !== 0) return c;
  c = compareDigitLists(a.release, b.release);
  if (c !== 0) return c;
  // pre-release
  const ad = devOnly(a);
  const bd = devOnly(b);
  if (ad || bd) {
    if (!(ad && bd)) return ad ? -1 : 1;
  } else if (a.prePhase !== b.prePhase) {
    if (a.prePhase === -1) return 1;
    if (b.prePhase === -1) return -1;
    return a.prePhase < b.prePhase ? -1 : 1;
  } else if (a.prePhase !== -1) {
    c = compareDigits(a.preNumber, b.preNumber);
    if (c !== 0) return c;
  }
  // post-release: none sorts first
  if (a.post !== b.post) {
    if (a.post === null) return -1;
    if (b.post === null) return 1;
    c = compareDigits(a.post, b.post);
    if (c !== 0) return c;
  }
  // dev-release: none sorts last
  if (a.dev !== b.dev) {
    if (a.dev === null) return 1;
    if (b.dev === null) return -1;
    c = compareDigits(a.dev, b.dev);
    if (c !== 0) return c;
  }
  return compareLocal(a.local, b.local);
}

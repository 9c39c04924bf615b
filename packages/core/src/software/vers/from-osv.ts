/** OSV range → vers text, for showing and exporting ranges in one notation. */
import type { OsvRange } from '../osv/types.ts';
import { eventOf } from '../osv/types.ts';
import { versFailure, type VersFailure } from './errors.ts';
import { formatVers, versOrder, type VersConstraint } from './parse.ts';
import { versSchemeOfEcosystem } from './schemes.ts';

/**
 * Converts one SEMVER or ECOSYSTEM range of a package in `ecosystem` to vers text:
 * introduced → ">=", fixed → "<", last_affected → "<=", introduced "0" → no lower bound.
 * @example osvRangeToVers({ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '6.5.4' }] }, 'npm') // "vers:npm/<6.5.4"
 */
export function osvRangeToVers(range: OsvRange, ecosystem: string): string | VersFailure {
  const scheme = versSchemeOfEcosystem(ecosystem);
  if (scheme === undefined) return versFailure('unknown_scheme', ecosystem);
  if (range.type === 'GIT') return versFailure('unsupported_range', ecosystem);
  const order = versOrder(range.type === 'SEMVER' ? 'semver' : scheme);
  if (!order) return versFailure('unknown_scheme', ecosystem);
  const events: Array<{ kind: string; version: string; key: unknown }> = [];
  for (const e of range.events) {
    const { kind, version } = eventOf(e);
    if (kind === 'limit') return versFailure('unsupported_range', ecosystem);
    const zero = kind === 'introduced' && version === '0';
    const key = zero ? null : order.parse(version);
    if (key === undefined) return versFailure('bad_version', version);
    events.push({ kind, version, key });
  }
  events.sort((a, b) => (a.key === null ? -1 : b.key === null ? 1 : order.compare(a.key, b.key)));
  const constraints: VersConstraint[] = [];
  let open: { version: string; zero: boolean } | null = null;
  for (const e of events) {
    if (e.kind === 'introduced') {
      open ??= { version: e.version, zero: e.key === null };
      continue;
    }
    if (open === null) continue;
    if (!open.zero) constraints.push({ comparator: '>=', version: open.version });
    constraints.push({ comparator: e.kind === 'fixed' ? '<' : '<=', version: e.version });
    open = null;
  }
  if (open !== null) {
    if (open.zero) constraints.push({ comparator: '*', version: '' });
    else constraints.push({ comparator: '>=', version: open.version });
  }
  if (constraints.length === 0) return versFailure('empty', ecosystem);
  return formatVers({ scheme, constraints });
}

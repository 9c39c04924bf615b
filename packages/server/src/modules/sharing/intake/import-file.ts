import { readStixBundle, type StixProblem } from '@shinrai/core/sharing';
import { write } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import type { Actor } from '../../../platform/services/audit-trail.ts';
import { importStixObjects, type IntakeSummary } from './import.ts';

/**
 * Imports a STIX 2.1 bundle file for an organization outside a request (the CLI): the same checks and the
 * same import as an upload; a refused bundle writes nothing.
 */
export async function importStixFile(
  deps: Deps,
  orgId: string,
  bytes: Uint8Array,
  label: string,
  actor: Actor,
): Promise<{ ok: true; summary: IntakeSummary } | { ok: false; problems: StixProblem[] }> {
  const read = readStixBundle(bytes);
  if (!read.ok) return read;
  const ctx = { deps, orgId, role: 'owner' as const, actor, now: deps.now() };
  const summary = await write(ctx, (tx) =>
    importStixObjects(tx, {
      kind: 'upload',
      label: label.slice(0, 200),
      sourceId: null,
      producer: read.producer,
      objects: read.objects,
    }),
  );
  return { ok: true, summary };
}

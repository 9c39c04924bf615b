import {
  cmpVersion,
  requiredRefs,
  stixSummary,
  type StixProducer,
  type StixReadObject,
} from '@shinrai/core/sharing';
import {
  currentIntakeVersions,
  heldIntakeVersions,
  insertIntakeImport,
  insertIntakeObjects,
  retireIntakeVersions,
  type SharingIntakeObjectRow,
} from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { TxCtx } from '../../../platform/context.ts';
import type { IntakeNoteCode } from './messages.ts';

export interface IntakeNote {
  pointer: string;
  id: string;
  code: IntakeNoteCode;
}

export interface IntakeSummary {
  importId: string;
  producer: StixProducer;
  added: number;
  updated: number;
  unchanged: number;
  skipped: IntakeNote[];
  warnings: IntakeNote[];
}

export interface IntakeInput {
  kind: 'upload' | 'taxii';
  /** The file name or the source's name (what the objects list shows as their source). */
  label: string;
  sourceId: string | null;
  producer: StixProducer;
  /** Checked objects in dependency order (`readStixBundle` / `readStixObjects`). */
  objects: StixReadObject[];
}

const NOTES_KEPT = 500;

/**
 * Imports checked STIX objects for the organization inside the caller's transaction: markings and identities
 * first, relationships and sightings last. Idempotent by id + version: a version already held is unchanged; a
 * newer one becomes current (the older versions stay); an older one is skipped. A relationship or sighting
 * whose end is neither in the input nor held is skipped with a located warning. Records the import and
 * audits its counts.
 */
export async function importStixObjects(tx: TxCtx, input: IntakeInput): Promise<IntakeSummary> {
  const orgId = tx.orgId;
  const now = tx.now.toISOString();
  const importId = randomUUID();
  const ids = input.objects.map((o) => o.id);
  const refIds = input.objects.flatMap((o) => requiredRefs(o.object).map((r) => r.id));
  const current = await currentIntakeVersions(tx.trx, orgId, [...ids, ...refIds]);
  const held = await heldIntakeVersions(tx.trx, orgId, ids);
  const present = new Set([...current.keys()]);
  const seen = new Set<string>();
  const rows: SharingIntakeObjectRow[] = [];
  const retire: string[] = [];
  const skipped: IntakeNote[] = [];
  const warnings: IntakeNote[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const o of input.objects) {
    const key = `${o.id}\n${o.version}`;
    if (held.has(key)) {
      unchanged++;
      present.add(o.id);
      continue;
    }
    if (seen.has(key)) {
      skipped.push({ pointer: o.pointer, id: o.id, code: 'duplicate' });
      continue;
    }
    const missing = requiredRefs(o.object).find((r) => !present.has(r.id));
    if (missing) {
      const note = { pointer: `${o.pointer}${missing.pointer}`, id: o.id, code: 'missing_ref' as const };
      warnings.push(note);
      skipped.push(note);
      continue;
    }
    const cur = current.get(o.id);
    const order = cur === undefined ? 1 : cmpVersion(o.version, cur);
    if (order === 0) {
      // The same instant written with another precision (`…00Z`, `…00.000Z`): the version already held.
      unchanged++;
      present.add(o.id);
      continue;
    }
    if (order < 0) {
      skipped.push({ pointer: `${o.pointer}/modified`, id: o.id, code: 'older_version' });
      present.add(o.id);
      continue;
    }
    if (cur !== undefined) {
      updated++;
      retire.push(o.id);
      // A newer version of the same id later in this input retires this one in turn.
      const prev = rows.find((r) => r.stix_id === o.id && r.is_current === 1);
      if (prev) prev.is_current = 0;
    } else added++;
    seen.add(key);
    present.add(o.id);
    current.set(o.id, o.version);
    const s = stixSummary(o.object);
    rows.push({
      org_id: orgId,
      stix_id: o.id,
      version: o.version,
      stix_type: o.type,
      is_current: 1,
      tlp: o.tlp,
      producer: input.producer,
      source_label: input.label,
      import_id: importId,
      name: s.name?.slice(0, 1000) ?? null,
      value: s.value?.slice(0, 4000) ?? null,
      first_seen: s.firstSeen,
      last_seen: s.lastSeen,
      object: JSON.stringify(o.object),
      added_at: now,
    });
  }
  if (retire.length > 0) await retireIntakeVersions(tx.trx, orgId, [...new Set(retire)]);
  await insertIntakeObjects(tx.trx, rows);
  // Reports may refer to objects their exporter left out (MISP does): kept, with a warning per missing ref.
  for (const o of input.objects) {
    const refs = o.type === 'report' && Array.isArray(o.object.object_refs) ? o.object.object_refs : [];
    refs.forEach((r, i) => {
      if (typeof r === 'string' && !present.has(r) && warnings.length < NOTES_KEPT)
        warnings.push({ pointer: `${o.pointer}/object_refs/${i}`, id: o.id, code: 'missing_ref' });
    });
  }
  const summary: IntakeSummary = {
    importId,
    producer: input.producer,
    added,
    updated,
    unchanged,
    skipped: skipped.slice(0, NOTES_KEPT),
    warnings: warnings.slice(0, NOTES_KEPT),
  };
  await insertIntakeImport(tx.trx, {
    id: importId,
    org_id: orgId,
    source_id: input.sourceId,
    kind: input.kind,
    label: input.label,
    producer: input.producer,
    added,
    updated,
    unchanged,
    skipped: skipped.length,
    details: JSON.stringify({ skipped: summary.skipped, warnings: summary.warnings }),
    actor_user_id: tx.actor.userId,
    created_at: now,
  });
  await tx.audit(
    'sharing.intake.import',
    { type: 'sharing_intake_import', id: importId },
    {
      kind: input.kind,
      label: input.label,
      producer: input.producer,
      added,
      updated,
      unchanged,
      skipped: skipped.length,
    },
  );
  return summary;
}

import { evidenceRefusal } from '@shinrai/core/supplychain';
import { listCampaignEvidence, type CampaignEvidenceRow } from '@shinrai/store';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { fail } from '../campaigns/errors.ts';
import type { Respondent } from '../respond/session.ts';

/** Where a reused request's evidence files are (the organization of the buyer it was answered to). */
export interface EvidenceOrigin {
  orgId: string;
  requestId: string;
}

/**
 * The evidence files of the source request attached to the chosen items, that the target request does not
 * hold yet (same item, same SHA-256) and that fit the per-item limit: what a reuse copies along with the
 * answers (the respondent's consent to reuse covers both; the offer says how many files come along).
 */
export async function evidenceToCopy(
  deps: Deps,
  r: Respondent,
  origin: EvidenceOrigin | undefined,
  refs: readonly string[],
): Promise<CampaignEvidenceRow[]> {
  if (!origin) return [];
  const wanted = new Set(refs);
  const db = deps.store.db;
  const source = (await listCampaignEvidence(db, origin.orgId, origin.requestId)).filter((e) =>
    wanted.has(e.ref),
  );
  if (source.length === 0) return [];
  const held = await listCampaignEvidence(db, r.link.org_id, r.request.id);
  const count = new Map<string, number>();
  for (const e of held) count.set(e.ref, (count.get(e.ref) ?? 0) + 1);
  const out: CampaignEvidenceRow[] = [];
  for (const e of source) {
    if (held.some((h) => h.ref === e.ref && h.sha256 === e.sha256)) continue;
    if (evidenceRefusal(e.name, e.size, count.get(e.ref) ?? 0) !== null) continue;
    count.set(e.ref, (count.get(e.ref) ?? 0) + 1);
    out.push(e);
  }
  return out;
}

/**
 * Copies the files (the bytes are stored again for the target buyer, so neither buyer's deletion touches
 * the other's) and returns the rows to insert in the reuse's transaction. The copy's SHA-256 must equal the
 * source's recorded one; otherwise nothing is kept and the item is refused. The caller deletes `keys` if
 * its transaction fails.
 */
export async function copyEvidence(
  deps: Deps,
  r: Respondent,
  source: readonly CampaignEvidenceRow[],
  refs: readonly string[],
): Promise<{ rows: CampaignEvidenceRow[]; keys: string[] }> {
  const rows: CampaignEvidenceRow[] = [];
  const keys: string[] = [];
  try {
    for (const e of source) {
      const stored = await deps.files.put(await deps.files.open(e.file_key), {
        purpose: 'supplychain.evidence',
        name: e.name,
        contentType: e.content_type,
      });
      keys.push(stored.key);
      if (stored.sha256 !== e.sha256)
        fail('reuse_item_unavailable', [{ in: 'body', pointer: `/refs/${refs.indexOf(e.ref)}` }]);
      rows.push({
        ...e,
        id: randomUUID(),
        org_id: r.link.org_id,
        request_id: r.request.id,
        file_key: stored.key,
        link_id: r.link.id,
        created_at: deps.now().toISOString(),
      });
    }
  } catch (err) {
    for (const k of keys) await deps.files.delete(k);
    throw err;
  }
  return { rows, keys };
}

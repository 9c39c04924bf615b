import { evidenceRefusal } from '@shinrai/core/supplychain';
import { createHash } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import { sniffEvidenceType } from '../../platform/documents/file-type.ts';
import { fail } from './campaigns/errors.ts';

export interface StoredEvidence {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  key: string;
}

/**
 * An evidence file checked (name, size, count already on the item, type judged from the content) and stored.
 * Refused with `evidence_refused` at `/file` before anything is stored; the caller deletes `key` if its own
 * write fails.
 */
export async function storeEvidenceFile(
  deps: Deps,
  file: { name: string; data: Buffer },
  purpose: string,
  existingOnItem: number,
): Promise<StoredEvidence> {
  const refused = (message: string) => fail('evidence_refused', [{ in: 'body', pointer: '/file', message }]);
  const refusal = evidenceRefusal(file.name, file.data.length, existingOnItem);
  if (refusal !== null) refused(refusal);
  const contentType = await sniffEvidenceType(file.data, file.name);
  if (contentType === null) return refused('type');
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const name = file.name.replace(/[\r\n"\\/]/g, '_').slice(0, 200);
  const stored = await deps.files.put(file.data, { purpose, name, contentType });
  return { name, contentType, size: file.data.length, sha256, key: stored.key };
}

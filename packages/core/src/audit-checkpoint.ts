import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * A signed checkpoint of one audit chain's head (監査ログの署名付きチェックポイント): which chain, how many
 * entries it had (`seq`, the position of the head in the chain), the head entry's hash and when. Kept
 * outside the database (a JSON-lines file, the log, the output of `shinrai audit verify`), it lets a
 * verifier notice what the hash chain alone cannot: entries cut off the end, a whole chain deleted, or
 * entries edited with every later hash recomputed.
 */
export interface AuditCheckpoint {
  v: 1;
  chain: string;
  seq: number;
  head: string;
  at: string;
  /** Key id: the first 16 hex digits of SHA-256 over the public key (SPKI DER). */
  key: string;
  /** Ed25519 signature of checkpointMessage(), base64. */
  sig: string;
}

export type CheckpointBody = Pick<AuditCheckpoint, 'chain' | 'seq' | 'head' | 'at'>;

/**
 * The exact bytes that are signed (UTF-8), one field a line, so that an operator can rebuild them with
 * shell tools (see docs/operations.md): "shinrai-audit-checkpoint/1\n<chain>\n<seq>\n<head>\n<at>\n".
 */
export function checkpointMessage(c: CheckpointBody): string {
  return `shinrai-audit-checkpoint/1\n${c.chain}\n${c.seq}\n${c.head}\n${c.at}\n`;
}

export function publicKeyId(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(pub.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function signCheckpoint(privateKey: KeyObject, body: CheckpointBody): AuditCheckpoint {
  const sig = sign(null, Buffer.from(checkpointMessage(body), 'utf8'), privateKey).toString('base64');
  return {
    v: 1,
    chain: body.chain,
    seq: body.seq,
    head: body.head,
    at: body.at,
    key: publicKeyId(privateKey),
    sig,
  };
}

export function checkpointSignatureOk(publicKey: KeyObject, c: AuditCheckpoint): boolean {
  if (c.key !== publicKeyId(publicKey)) return false;
  try {
    return verify(null, Buffer.from(checkpointMessage(c), 'utf8'), publicKey, Buffer.from(c.sig, 'base64'));
  } catch {
    return false;
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

/** A checkpoint from one line of the file, or null when the line is not one (shape only; the signature is checked apart). */
export function parseCheckpoint(line: string): AuditCheckpoint | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const c = v as Record<string, unknown>;
  if (
    c.v !== 1 ||
    typeof c.chain !== 'string' ||
    c.chain === '' ||
    c.chain.includes('\n') ||
    typeof c.seq !== 'number' ||
    !Number.isSafeInteger(c.seq) ||
    c.seq < 0 ||
    typeof c.head !== 'string' ||
    !HEX64.test(c.head) ||
    typeof c.at !== 'string' ||
    c.at.includes('\n') ||
    typeof c.key !== 'string' ||
    typeof c.sig !== 'string'
  )
    return null;
  return { v: 1, chain: c.chain, seq: c.seq, head: c.head, at: c.at, key: c.key, sig: c.sig };
}

export type CheckpointBreak = 'chain_deleted' | 'tail_cut' | 'checkpoint_mismatch';

/**
 * Compares a walked chain with its last checkpoint: `entries` is how many entries the chain has now and
 * `hashAt` the hash of its entry at the checkpoint's position (undefined when there is none).
 */
export function compareWithCheckpoint(
  cp: Pick<AuditCheckpoint, 'seq' | 'head'>,
  entries: number,
  hashAt: string | undefined,
): CheckpointBreak | null {
  if (cp.seq === 0) return null;
  if (entries === 0) return 'chain_deleted';
  if (entries < cp.seq) return 'tail_cut';
  return hashAt === cp.head ? null : 'checkpoint_mismatch';
}

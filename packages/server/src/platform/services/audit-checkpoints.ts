import {
  ChainVerifier,
  chainOrg,
  checkpointSignatureOk,
  parseCheckpoint,
  publicKeyId,
  signCheckpoint,
  type AuditCheckpoint,
} from '@shinrai/core';
import { auditChainSlice, auditHeads, type Store } from '@shinrai/store';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import {
  createReadStream,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The public key's file beside the private one: `audit-signing-key.pem` → `audit-signing-key.pub.pem`. */
export function publicKeyFileOf(keyFile: string): string {
  return `${keyFile.replace(/\.pem$/, '')}.pub.pem`;
}

/**
 * The instance's checkpoint signing key, created on first use (Ed25519, PKCS#8 PEM, mode 0600) with its
 * public key beside it for operators. It lives in a file, not in the database: whoever can rewrite the
 * audit tables must not be able to sign a checkpoint. Two processes starting at once agree on one key
 * (the file is created exclusively; the loser reads the winner's).
 */
export function loadSigningKey(keyFile: string): KeyObject {
  if (!existsSync(keyFile)) {
    mkdirSync(path.dirname(keyFile), { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    // Written aside, then linked into place: a reader never sees half a key, and link refuses to replace.
    const tmp = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
    try {
      linkSync(tmp, keyFile);
      writeFileSync(publicKeyFileOf(keyFile), publicKey.export({ type: 'spki', format: 'pem' }));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
  }
  const key = createPrivateKey(readFileSync(keyFile));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${keyFile}: not an Ed25519 private key`);
  const pubFile = publicKeyFileOf(keyFile);
  if (!existsSync(pubFile))
    writeFileSync(pubFile, createPublicKey(key).export({ type: 'spki', format: 'pem' }));
  return key;
}

/** A public key from a PEM file (a public key, or a private key whose public half is taken). */
export function readPublicKey(file: string): KeyObject {
  const pem = readFileSync(file, 'utf8');
  return pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
}

export interface CheckpointFile {
  /** The last validly signed checkpoint of each chain. */
  last: Map<string, AuditCheckpoint>;
  /** Lines that are not checkpoints or whose signature does not verify with the given keys (1-based). */
  invalid: { line: number; reason: 'unreadable' | 'bad_signature' }[];
  exists: boolean;
}

/** Reads a checkpoint file line by line; a missing file has no checkpoints. */
export async function readCheckpoints(file: string, keys: readonly KeyObject[]): Promise<CheckpointFile> {
  const out: CheckpointFile = { last: new Map(), invalid: [], exists: existsSync(file) };
  if (!out.exists) return out;
  const byId = new Map(keys.map((k) => [publicKeyId(k), k]));
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    n++;
    if (line.trim() === '') continue;
    const cp = parseCheckpoint(line);
    if (cp === null) {
      out.invalid.push({ line: n, reason: 'unreadable' });
      continue;
    }
    const key = byId.get(cp.key);
    if (!key || !checkpointSignatureOk(key, cp)) {
      out.invalid.push({ line: n, reason: 'bad_signature' });
      continue;
    }
    const prev = out.last.get(cp.chain);
    if (!prev || cp.seq >= prev.seq) out.last.set(cp.chain, cp);
  }
  return out;
}

export interface CheckpointProblem {
  chain: string;
  reason: string;
  seq: number | null;
}

/**
 * Writes a signed checkpoint of every chain whose head moved since its last checkpoint (all of them with
 * `force`), after checking the entries appended since that checkpoint: a checkpoint never vouches for a
 * chain that no longer extends the previous one. Returns what it wrote and what it refused.
 */
export async function writeCheckpoints(
  store: Store,
  opts: { keyFile: string; checkpointFile: string; now: Date; force?: boolean },
): Promise<{ written: AuditCheckpoint[]; problems: CheckpointProblem[] }> {
  const key = loadSigningKey(opts.keyFile);
  const previous = await readCheckpoints(opts.checkpointFile, [createPublicKey(key)]);
  const heads = await auditHeads(store.db);
  const written: AuditCheckpoint[] = [];
  const problems: CheckpointProblem[] = [];
  const seen = new Set<string>();
  for (const head of heads) {
    seen.add(head.chain);
    if (head.seq === 0) continue;
    const cp = previous.last.get(head.chain);
    if (cp && cp.seq === head.seq && cp.head === head.head && !opts.force) continue;
    const problem = await extendsCheckpoint(store, head.chain, cp, head);
    if (problem) {
      problems.push({ chain: head.chain, ...problem });
      continue;
    }
    written.push(
      signCheckpoint(key, { chain: head.chain, seq: head.seq, head: head.head, at: opts.now.toISOString() }),
    );
  }
  for (const [chain, cp] of previous.last)
    if (!seen.has(chain) && cp.seq > 0) problems.push({ chain, reason: 'chain_deleted', seq: null });
  if (written.length > 0) {
    mkdirSync(path.dirname(opts.checkpointFile), { recursive: true });
    await appendFile(opts.checkpointFile, written.map((c) => `${JSON.stringify(c)}\n`).join(''));
  }
  return { written, problems };
}

/** Checks the entries from the last checkpoint (or genesis) up to the recorded head. */
async function extendsCheckpoint(
  store: Store,
  chain: string,
  cp: AuditCheckpoint | undefined,
  head: { seq: number; head: string },
): Promise<{ reason: string; seq: number | null } | null> {
  const orgId = chainOrg(chain);
  if (cp && head.seq < cp.seq) return { reason: 'tail_cut', seq: null };
  let verifier = new ChainVerifier();
  if (cp && cp.seq > 0) {
    const [atCp] = await auditChainSlice(store.db, orgId, cp.seq - 1, 1);
    if (!atCp || atCp.chainSeq !== cp.seq) return { reason: 'tail_cut', seq: null };
    if (atCp.hash !== cp.head) return { reason: 'checkpoint_mismatch', seq: atCp.seq };
    verifier = new ChainVerifier({ seq: cp.seq, head: cp.head });
  }
  while (verifier.checked < head.seq) {
    const batch = await auditChainSlice(store.db, orgId, verifier.checked, 500);
    const upTo = batch.filter((e) => e.chainSeq <= head.seq);
    if (upTo.length === 0) return { reason: 'head_mismatch', seq: null };
    const broken = verifier.feed(upTo);
    if (broken) return broken;
  }
  return verifier.head === head.head ? null : { reason: 'head_mismatch', seq: null };
}

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHash, ChainVerifier, GENESIS_HASH, type AuditContent } from './audit-chain.ts';
import {
  checkpointMessage,
  checkpointSignatureOk,
  compareWithCheckpoint,
  parseCheckpoint,
  publicKeyId,
  signCheckpoint,
} from './audit-checkpoint.ts';

const body = { chain: 'org-1', seq: 3, head: 'ab'.repeat(32), at: '2030-01-01T00:00:00.000Z' };

describe('audit checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('signs the documented message and verifies only unchanged checkpoints with the right key', () => {
    expect(checkpointMessage(body)).toBe(
      `shinrai-audit-checkpoint/1\norg-1\n3\n${'ab'.repeat(32)}\n2030-01-01T00:00:00.000Z\n`,
    );
    const cp = signCheckpoint(privateKey, body);
    expect(cp.key).toBe(publicKeyId(publicKey));
    expect(checkpointSignatureOk(publicKey, cp)).toBe(true);
    expect(checkpointSignatureOk(publicKey, { ...cp, seq: 2 })).toBe(false);
    expect(checkpointSignatureOk(publicKey, { ...cp, head: GENESIS_HASH })).toBe(false);
    expect(checkpointSignatureOk(publicKey, { ...cp, sig: 'AAAA' })).toBe(false);
    const other = generateKeyPairSync('ed25519');
    expect(checkpointSignatureOk(other.publicKey, cp)).toBe(false);
    expect(parseCheckpoint(JSON.stringify(cp))).toEqual(cp);
  });

  it('refuses lines that are not checkpoints', () => {
    const cp = signCheckpoint(privateKey, body);
    for (const bad of [
      '',
      'nope',
      'null',
      '[]',
      JSON.stringify({ ...cp, v: 2 }),
      JSON.stringify({ ...cp, seq: -1 }),
      JSON.stringify({ ...cp, seq: 1.5 }),
      JSON.stringify({ ...cp, head: 'xyz' }),
      JSON.stringify({ ...cp, chain: 'a\nb' }),
    ])
      expect(parseCheckpoint(bad), bad).toBeNull();
  });

  it('tells a deleted chain, a cut tail and a rewrite apart', () => {
    expect(compareWithCheckpoint(body, 0, undefined)).toBe('chain_deleted');
    expect(compareWithCheckpoint(body, 2, undefined)).toBe('tail_cut');
    expect(compareWithCheckpoint(body, 5, GENESIS_HASH)).toBe('checkpoint_mismatch');
    expect(compareWithCheckpoint(body, 3, body.head)).toBeNull();
    expect(compareWithCheckpoint(body, 9, body.head)).toBeNull();
    expect(compareWithCheckpoint({ seq: 0, head: GENESIS_HASH }, 0, undefined)).toBeNull();
  });
});

describe('ChainVerifier with positions', () => {
  function chain(n: number) {
    const out: (AuditContent & { hash: string; chainSeq: number })[] = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= n; i++) {
      const c: AuditContent = {
        seq: i * 2,
        at: 'x',
        orgId: 'o',
        actorUserId: null,
        actorTokenId: null,
        action: 'a',
        targetType: null,
        targetId: null,
        requestId: null,
        details: '{}',
        prevHash: prev,
      };
      prev = auditHash(c);
      out.push({ ...c, hash: prev, chainSeq: i });
    }
    return out;
  }

  it('requires positions 1, 2, 3 … and can start at a checkpoint', () => {
    const c = chain(5);
    expect(new ChainVerifier().feed(c)).toBeNull();
    expect(new ChainVerifier().feed([c[0]!, c[2]!])).toEqual({ seq: c[2]!.seq, reason: 'chain_seq_gap' });
    expect(new ChainVerifier().feed([c[0]!, { ...c[1]!, chainSeq: 3 }])).toEqual({
      seq: c[1]!.seq,
      reason: 'chain_seq_gap',
    });
    const v = new ChainVerifier({ seq: 2, head: c[1]!.hash });
    expect(v.feed(c.slice(2))).toBeNull();
    expect([v.checked, v.head]).toEqual([5, c[4]!.hash]);
    expect(new ChainVerifier({ seq: 2, head: GENESIS_HASH }).feed(c.slice(2))).toEqual({
      seq: c[2]!.seq,
      reason: 'prev_hash_mismatch',
    });
  });
});

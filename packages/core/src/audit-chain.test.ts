import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHash, ChainVerifier, GENESIS_HASH, type AuditContent } from './audit-chain.ts';

type Entry = AuditContent & { hash: string };

/** Builds a valid chain of `n` entries the way the store does: each prevHash is the previous entry's hash. */
function buildChain(n: number, orgId: string | null = 'org-1'): Entry[] {
  const out: Entry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c: AuditContent = {
      seq: i * 3, // sequence numbers of one chain need not be contiguous (other chains interleave)
      at: new Date(Date.UTC(2025, 3, 1, 9, 0, i)).toISOString(),
      orgId,
      actorUserId: i % 2 ? `user-${i}` : null,
      actorTokenId: i % 2 ? null : `token-${i}`,
      action: i % 3 ? 'member.invite' : 'org.update',
      targetType: 'user',
      targetId: `target-${i}`,
      requestId: `req-${i}`,
      details: JSON.stringify({ i, note: '監査' }),
      prevHash: prev,
    };
    const e = { ...c, hash: auditHash(c) };
    out.push(e);
    prev = e.hash;
  }
  return out;
}

const verify = (entries: Entry[]) => new ChainVerifier().feed(entries);

describe('auditHash', () => {
  it('is SHA-256 hex over the canonical field array', () => {
    const [e] = buildChain(1);
    const expected = createHash('sha256')
      .update(
        JSON.stringify([
          e!.seq,
          e!.at,
          e!.orgId,
          e!.actorUserId,
          e!.actorTokenId,
          e!.action,
          e!.targetType,
          e!.targetId,
          e!.requestId,
          e!.details,
          e!.prevHash,
        ]),
      )
      .digest('hex');
    expect(e!.hash).toBe(expected);
    expect(e!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of object keys', () => {
    const [e] = buildChain(1);
    const { hash: _hash, ...content } = e!;
    const reversed = Object.fromEntries(Object.entries(content).reverse()) as unknown as AuditContent;
    expect(auditHash(reversed)).toBe(e!.hash);
  });

  it('keeps null and the string "null" apart, and field boundaries apart', () => {
    const [e] = buildChain(1);
    expect(auditHash({ ...e!, targetId: 'null' })).not.toBe(auditHash({ ...e!, targetId: null }));
    expect(auditHash({ ...e!, targetType: 'ab', targetId: 'c' })).not.toBe(
      auditHash({ ...e!, targetType: 'a', targetId: 'bc' }),
    );
  });
});

describe('ChainVerifier', () => {
  it('accepts an intact chain, all at once or page by page', () => {
    const chain = buildChain(25);
    const whole = new ChainVerifier();
    expect(whole.feed(chain)).toBeNull();
    expect(whole.checked).toBe(25);

    const paged = new ChainVerifier();
    for (let i = 0; i < chain.length; i += 7) expect(paged.feed(chain.slice(i, i + 7))).toBeNull();
    expect(paged.checked).toBe(25);
  });

  it('accepts an empty chain', () => {
    const v = new ChainVerifier();
    expect(v.feed([])).toBeNull();
    expect(v.checked).toBe(0);
  });

  const fields: [keyof AuditContent, unknown][] = [
    ['seq', 999],
    ['at', '2030-01-01T00:00:00.000Z'],
    ['orgId', 'org-other'],
    ['actorUserId', 'user-evil'],
    ['actorTokenId', 'token-evil'],
    ['action', 'member.remove'],
    ['targetType', 'token'],
    ['targetId', 'target-x'],
    ['requestId', null],
    ['details', JSON.stringify({ i: 5, note: '改ざん' })],
  ];
  it.each(fields)('detects a changed %s at that entry', (field, value) => {
    const chain = buildChain(10);
    chain[4] = { ...chain[4]!, [field]: value };
    expect(verify(chain)).toEqual({ seq: chain[4].seq, reason: 'hash_mismatch' });
  });

  it('detects a changed entry whose hash was recomputed, at the following entry', () => {
    const chain = buildChain(10);
    const forged = { ...chain[4]!, details: '{"forged":true}' };
    chain[4] = { ...forged, hash: auditHash(forged) };
    expect(verify(chain)).toEqual({ seq: chain[5]!.seq, reason: 'prev_hash_mismatch' });
  });

  it('detects a removed middle entry', () => {
    const chain = buildChain(10);
    const removed = chain.splice(5, 1);
    expect(removed).toHaveLength(1);
    expect(verify(chain)).toEqual({ seq: chain[5]!.seq, reason: 'prev_hash_mismatch' });
  });

  it('detects a removed first entry', () => {
    const chain = buildChain(5).slice(1);
    expect(verify(chain)).toEqual({ seq: chain[0]!.seq, reason: 'prev_hash_mismatch' });
  });

  it('detects reordered entries', () => {
    const chain = buildChain(10);
    [chain[3], chain[4]] = [chain[4]!, chain[3]!];
    expect(verify(chain)).toEqual({ seq: chain[3].seq, reason: 'prev_hash_mismatch' });
  });

  it('detects an inserted entry', () => {
    const chain = buildChain(6);
    const intruder: AuditContent = { ...chain[2]!, seq: chain[2]!.seq + 1, action: 'org.update' };
    chain.splice(3, 0, { ...intruder, hash: auditHash(intruder) });
    expect(verify(chain)).toEqual({ seq: chain[3]!.seq, reason: 'prev_hash_mismatch' });
  });

  it('detects a break that falls on a page boundary', () => {
    const chain = buildChain(20);
    chain.splice(10, 1);
    const v = new ChainVerifier();
    expect(v.feed(chain.slice(0, 10))).toBeNull();
    expect(v.feed(chain.slice(10))).toEqual({ seq: chain[10]!.seq, reason: 'prev_hash_mismatch' });
    expect(v.checked).toBe(11);
  });

  it('refuses a chain that starts from a non-genesis hash', () => {
    const chain = buildChain(3);
    const first = { ...chain[0]!, prevHash: 'f'.repeat(64) };
    chain[0] = { ...first, hash: auditHash(first) };
    expect(verify(chain)).toEqual({ seq: chain[0].seq, reason: 'prev_hash_mismatch' });
  });
});

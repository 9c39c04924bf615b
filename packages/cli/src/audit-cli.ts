import { chainKey, chainOrg, type AuditCheckpoint } from '@shinrai/core';
import {
  loadConfig,
  loadSigningKey,
  openFileStore,
  publicKeyFileOf,
  readCheckpoints,
  readPublicKey,
  verifyAuditChain,
  writeCheckpoints,
  type Config,
  type Deps,
  type VerifyResult,
} from '@shinrai/server';
import { auditChains, migrate, openStore, type Store } from '@shinrai/store';
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { MessageKey } from './messages.ts';
import { t, type Out } from './output.ts';
import { Progress } from './progress.ts';

async function withStore<T>(config: Config, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `{name}` placeholders filled in. */
function fill(s: string, values: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

const REASONS: Partial<Record<string, MessageKey>> = {
  chain_deleted: 'auditChainDeleted',
  tail_cut: 'auditTailCut',
  checkpoint_mismatch: 'auditCheckpointMismatch',
  head_mismatch: 'auditHeadMismatch',
};

function brokenText(out: Out, r: VerifyResult): string {
  const key = r.reason ? REASONS[r.reason] : undefined;
  if (key) return `${fill(t(out, key), { n: r.checked, cp: r.checkpoint?.seq ?? 0 })} (${r.reason})`;
  return `${t(out, 'seq')} ${r.firstBrokenSeq} (${r.reason})`;
}

function checkpointText(out: Out, cp: AuditCheckpoint): string {
  return `  ${fill(t(out, 'auditCheckpointLine'), { seq: cp.seq, head: cp.head, at: cp.at, key: cp.key })}`;
}

/** Public keys to check checkpoints with: the given PEM file, else the instance's own key. */
function publicKeys(config: Config, publicKeyFile: string | undefined): KeyObject[] {
  if (publicKeyFile) return [readPublicKey(publicKeyFile)];
  const pub = publicKeyFileOf(config.auditKeyFile);
  if (existsSync(pub)) return [readPublicKey(pub)];
  return existsSync(config.auditKeyFile) ? [readPublicKey(config.auditKeyFile)] : [];
}

/**
 * `shinrai audit verify`: every chain is walked from genesis, then compared with its last signed
 * checkpoint (from the instance's checkpoint file, or a copy shipped elsewhere with --checkpoints and the
 * public key with --public-key). Exit 1 on any break, a chain cut or deleted, or a checkpoint whose
 * signature does not verify.
 */
export async function auditVerifyCommand(
  out: Out,
  o: { checkpoints?: string; publicKey?: string } = {},
): Promise<number> {
  const config = loadConfig();
  if (o.publicKey && !existsSync(o.publicKey)) return out.fail('fileUnreadable', o.publicKey);
  if (o.checkpoints && !existsSync(o.checkpoints)) return out.fail('fileUnreadable', o.checkpoints);
  const cpFile = o.checkpoints ?? config.auditCheckpointFile;
  let keys: KeyObject[];
  try {
    keys = publicKeys(config, o.publicKey);
  } catch {
    return out.fail('auditBadKey', o.publicKey ?? config.auditKeyFile);
  }
  const checkpoints = await readCheckpoints(cpFile, keys);
  let broken = false;
  if (!checkpoints.exists) out.line(fill(t(out, 'auditNoCheckpoints'), { file: cpFile }));
  else out.line(fill(t(out, 'auditCheckpointFile'), { file: cpFile, n: checkpoints.last.size }));
  for (const bad of checkpoints.invalid) {
    broken = true;
    out.line(fill(t(out, 'auditBadCheckpoint'), { file: cpFile, line: bad.line }) + ` (${bad.reason})`);
  }
  return withStore(config, async (store) => {
    const deps: Deps = {
      store,
      files: openFileStore(store, config.dataDir),
      config,
      mailer: { send: async () => {} },
      now: () => new Date(),
      log: undefined as never,
    };
    const chains = new Set([...(await auditChains(store.db)).map(chainKey), ...checkpoints.last.keys()]);
    for (const chain of [...chains].sort()) {
      const orgId = chainOrg(chain);
      const name = orgId ?? t(out, 'instance');
      const cp = checkpoints.last.get(chain) ?? null;
      const progress = new Progress(`${t(out, 'chain')} ${name}`, t(out, 'entries'));
      const r = await verifyAuditChain(deps, orgId, (c, total) => progress.update(c, total), undefined, cp);
      progress.done();
      if (r.ok)
        out.line(`${t(out, 'auditOk')} — ${t(out, 'chain')} ${name}: ${r.checked} ${t(out, 'entries')}`);
      else {
        broken = true;
        out.line(`${t(out, 'auditBroken')} — ${t(out, 'chain')} ${name}: ${brokenText(out, r)}`);
      }
      if (cp) out.line(checkpointText(out, cp));
    }
    return broken ? 1 : 0;
  });
}

/** `shinrai audit checkpoint`: signs and writes a checkpoint of every chain now (on demand). */
export async function auditCheckpointCommand(out: Out, o: { all?: boolean } = {}): Promise<number> {
  const config = loadConfig();
  return withStore(config, async (store) => {
    await migrate(store);
    const r = await writeCheckpoints(store, {
      keyFile: config.auditKeyFile,
      checkpointFile: config.auditCheckpointFile,
      now: new Date(),
      force: o.all === true,
    });
    for (const cp of r.written) out.line(JSON.stringify(cp));
    for (const p of r.problems) {
      const name = chainOrg(p.chain) ?? t(out, 'instance');
      out.line(`${t(out, 'auditBroken')} — ${t(out, 'chain')} ${name}: ${p.reason}`);
    }
    out.line(
      fill(t(out, 'auditCheckpointsWritten'), { n: r.written.length, file: config.auditCheckpointFile }),
    );
    return r.problems.length > 0 ? 1 : 0;
  });
}

/** `shinrai audit public-key`: prints the checkpoint signing key's public half (PEM), creating the key if need be. */
export function auditPublicKeyCommand(out: Out): number {
  const config = loadConfig();
  loadSigningKey(config.auditKeyFile);
  out.line(readFileSync(publicKeyFileOf(config.auditKeyFile), 'utf8').trimEnd());
  return 0;
}

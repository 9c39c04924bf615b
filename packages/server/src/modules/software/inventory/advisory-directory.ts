// Deep imports, not the package barrels: `sbom scan` loads this file (start-up time).
import { advisoryDirectoryPage, advisoryGeneration, advisoryPackageKey } from '@shinrai/store';
import type { AdvisoryRef, Executor } from '@shinrai/store';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * The whole advisory directory by package — (base ecosystem, name) → the refs of the advisories naming it
 * (id, modified, content hash, malicious; no record) — kept in a server process, so that an upload's
 * candidate lookup asks the database one question (the advisory database's write counter) instead of
 * probing 10,000 package names. It is served only at the counter it was loaded at; any import, by any
 * instance or the CLI, raises the counter, and the next lookup goes to the database while a fresh copy loads
 * in the background.
 *
 * Kept packed: one string per package (its refs' fields joined), unpacked only for the packages a lookup
 * asks for. A directory of 600,000 small objects would make every garbage collection of the process mark
 * them all, and the uploads' parsing paid for that (docs/benchmarks.md).
 */
const PAGE = 5_000;

interface Directory {
  generation: number;
  /** advisoryPackageKey → refs packed: fields joined by FIELD, refs by REF. */
  byKey: Map<string, string>;
}

const FIELD = '\u0001';
const REF = '\u0002';

/** The refs of one package as the lookup returns them (a fresh list of fresh objects). */
function unpack(packed: string): AdvisoryRef[] {
  return packed.split(REF).map((text) => {
    const [id = '', modified = '', hash = '', malicious = '0'] = text.split(FIELD);
    return { id, modified, content_hash: hash === '' ? null : hash, malicious: Number(malicious) };
  });
}

/** A read-only view of the directory shaped as the database lookup's answer (advisoryRefsFor). */
export interface DirectoryView {
  get(key: string): AdvisoryRef[] | undefined;
}

let current: Directory | undefined;
let loading: Promise<void> | undefined;
/**
 * After a copy was thrown away (an import wrote while it loaded: an import writes batch after batch), no new
 * load starts before this time, so that a long import does not make every upload start a load in vain.
 */
let notBefore = 0;
const RETRY_MS = 30_000;

/**
 * The directory as of `generation`, or undefined when this process has no copy at that counter — then a
 * copy starts loading from `root` (the store itself, never a transaction that will end) in the background.
 */
export function directoryAt(root: Executor, generation: number): DirectoryView | undefined {
  if (current?.generation === generation) {
    const byKey = current.byKey;
    return {
      get: (key) => {
        const packed = byKey.get(key);
        return packed === undefined ? undefined : unpack(packed);
      },
    };
  }
  if (Date.now() < notBefore) return undefined;
  loading ??= load(root)
    .catch(() => undefined) // a failed load (e.g. the store closing) is tried again at the next lookup
    .finally(() => (loading = undefined));
  return undefined;
}

/** Starts loading a copy at the current counter (server start); never waits for it, never throws. */
export async function warmAdvisoryDirectory(root: Executor): Promise<void> {
  try {
    directoryAt(root, await advisoryGeneration(root));
  } catch {
    // the next lookup tries again
  }
}

/** Resolves when the load in progress (if any) has ended: tests and benchmarks wait for it. */
export function directoryLoaded(): Promise<void> {
  return loading ?? Promise.resolve();
}

/** Forgets the copy (tests; a process that wants its memory back). */
export function dropAdvisoryDirectory(): void {
  current = undefined;
  notBefore = 0;
}

async function load(root: Executor): Promise<void> {
  const before = await advisoryGeneration(root);
  const lists = new Map<string, string[]>();
  let after: string | null = null;
  for (;;) {
    await nextTurn(); // one page per turn of the event loop: requests are answered in between
    const page = await advisoryDirectoryPage(root, after, PAGE);
    if (page.last === null) break;
    for (const r of page.refs) {
      const text = [r.id, r.modified, r.content_hash ?? '', String(r.malicious)].join(FIELD);
      const key = advisoryPackageKey(r.base_ecosystem, r.name);
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [text]);
      else if (!list.includes(text)) list.push(text); // an advisory naming the package twice
    }
    after = page.last;
  }
  // Kept only if no write came between the first page and the last: otherwise pages may disagree.
  if ((await advisoryGeneration(root)) !== before) {
    notBefore = Date.now() + RETRY_MS;
    return;
  }
  const byKey = new Map<string, string>();
  for (const [key, list] of lists) byKey.set(key, list.join(REF));
  current = { generation: before, byKey };
}

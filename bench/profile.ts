import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package (node_modules or ours), Node's own code, or a V8 pseudo-frame. */
function place(url: string): string | null {
  if (url === '') return null;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const ours = /\/packages\/(\w+)\/src\/(.*)$/.exec(url);
  if (ours) {
    const file = ours[2] ?? '';
    return `@shinrai/${ours[1]} (${file.split('/').slice(0, -1).join('/') || file})`;
  }
  if (url.startsWith('node:')) return 'Node.js (lib)';
  return url;
}

/**
 * Self time of a CPU profile by bucket. Frames without a script (native functions: better-sqlite3's
 * statement methods, JSON, crypto) count towards the caller's package as "native, called from …";
 * better-sqlite3's are reported as SQLite.
 */
export function summarizeProfile(file: string, top: number): { name: string; percent: number }[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bucketOf = new Map<number, string>();
  const bucket = (id: number): string => {
    const cached = bucketOf.get(id);
    if (cached !== undefined) return cached;
    const n = byId.get(id);
    const fn = n?.callFrame.functionName ?? '';
    let name: string;
    const here = place(n?.callFrame.url ?? '');
    if (here !== null) name = here;
    else if (fn.startsWith('(')) name = fn === '(root)' ? '(program)' : fn;
    else {
      let up = parent.get(id);
      let caller: string | null = null;
      while (up !== undefined && caller === null) {
        caller = place(byId.get(up)?.callFrame.url ?? '');
        up = parent.get(up);
      }
      const sqlite = ['get', 'all', 'run', 'iterate', 'raw', 'pluck'].includes(fn);
      name = sqlite ? 'SQLite (better-sqlite3, native)' : `native ${fn || '?'} (from ${caller ?? '?'})`;
    }
    bucketOf.set(id, name);
    return name;
  };
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const name = bucket(id);
    if (name === '(idle)') return;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({ name, percent: (100 * t) / total }));
}

import type { SbomFormat, SbomDependency, SbomProblem } from '@shinrai/formats/sbom';
import {
  allSoftwareReleaseIds,
  clearPendingRematch,
  pendingRematch,
  findSoftwareProduct,
  findSoftwareRelease,
  listSoftwareComponents,
  releasesWithPackages,
  replaceSoftwareFindings,
  updateSoftwareReleaseGraph,
  type SoftwareFindingRow,
} from '@shinrai/store';
import type { Deps } from '../../../platform/deps.ts';
import type { JobHandler } from '../../../platform/jobs/worker.ts';
import { dropAdvisoryCache } from './advisory-cache.ts';
import { matchComponentsWithNotes } from './match.ts';
import { alertFindings } from './notify.ts';
import { shortestPaths } from './paths.ts';
import { MAX_KEPT_NOTES, withMatchNotes } from './prepare.ts';

export const SOFTWARE_REMATCH_JOB = 'software.rematch';

/**
 * `{ pending: true }`: the advisories an import marked as waiting (advisory_rematch_pending); `{ all: true }`:
 * every release (the daily safety net); `{ advisoryIds }`: jobs queued before pending rows existed. Every
 * kind also takes whatever waits.
 */
export type RematchPayload = { advisoryIds: string[] } | { all: true } | { pending: true };

/** Above this many waiting advisories, every release is re-matched instead of looking up who uses them. */
export const REMATCH_ID_CAP = 5000;

async function releasesOfAdvisories(deps: Deps, advisoryIds: readonly string[]) {
  const db = deps.store.db;
  const keys: { ecosystem: string; name: string }[] = [];
  for (let i = 0; i < advisoryIds.length; i += 500) {
    const rows = await db
      .selectFrom('advisory_packages')
      .select(['base_ecosystem as ecosystem', 'name'])
      .where('advisory_id', 'in', advisoryIds.slice(i, i + 500))
      .execute();
    keys.push(...rows);
  }
  return releasesWithPackages(db, keys);
}

/** Re-matches one release against the current advisory database; returns the findings that are new. */
export async function rematchRelease(deps: Deps, orgId: string, releaseId: string): Promise<number> {
  const db = deps.store.db;
  const release = await findSoftwareRelease(db, orgId, releaseId);
  if (!release || release.sbom_uploaded_at === null) return 0;
  const components = await listSoftwareComponents(db, orgId, releaseId);
  const graph = JSON.parse(release.graph ?? '{"rootRefs":[],"dependencies":[]}') as {
    name?: string | null;
    rootRefs: string[];
    dependencies: SbomDependency[];
    matchNotes?: SbomProblem[];
  };
  const pathOf = shortestPaths({
    format: (release.sbom_format ?? 'cyclonedx') as SbomFormat,
    name: graph.name ?? null,
    rootRefs: graph.rootRefs,
    dependencies: graph.dependencies,
    components: components.map((c) => ({ bomRef: c.bom_ref, name: c.name })),
  });
  const byId = new Map(components.map((c) => [c.id, c]));
  const now = deps.now();
  const fresh: SoftwareFindingRow[] = [];
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('software_findings')
      .select(['advisory_id', 'component_ref', 'id', 'created_at'])
      .where('release_id', '=', releaseId)
      .execute();
    const old = new Map(before.map((f) => [`${f.component_ref}\u0000${f.advisory_id}`, f]));
    const { findings: found, notes } = await matchComponentsWithNotes(
      trx,
      components,
      (c) => pathOf(c.bom_ref),
      now,
      { directory: db },
    );
    // A finding that was already there keeps its id and first-seen time.
    for (const f of found) {
      const prev = old.get(`${f.component_ref}\u0000${f.advisory_id}`);
      if (prev) {
        f.id = prev.id;
        f.created_at = prev.created_at;
      } else fresh.push(f);
    }
    await replaceSoftwareFindings(trx, releaseId, found);
    // The "cannot evaluate" notes follow the advisory database like the findings.
    if (JSON.stringify(notes.slice(0, MAX_KEPT_NOTES)) !== JSON.stringify(graph.matchNotes ?? []))
      await updateSoftwareReleaseGraph(trx, orgId, releaseId, withMatchNotes(release.graph, notes));
  });
  if (fresh.length > 0) {
    const product = await findSoftwareProduct(db, orgId, release.product_id);
    const subject = {
      orgId,
      productName: product?.name ?? '',
      releaseId,
      releaseVersion: release.version,
    };
    const view = (f: (typeof fresh)[number]) => {
      const c = byId.get(f.component_id);
      return { ...f, componentName: c?.name ?? '', componentVersion: c?.version ?? null };
    };
    const malicious = fresh.filter((f) => f.malicious === 1);
    if (malicious.length > 0) await alertFindings(deps, subject, 'malicious', malicious.map(view));
    const others = fresh.filter((f) => f.malicious !== 1);
    if (others.length > 0) await alertFindings(deps, subject, 'new_findings', others.map(view));
  }
  return fresh.length;
}

/**
 * `software.rematch`: after an advisory import, re-matches the releases holding a package of the advisories
 * waiting for it (or every release for `{ all: true }` or past the cap) and notifies about new findings.
 * The waiting rows it saw are removed only after the re-match ran, so a crash leaves them for the next one.
 */
export function softwareRematchJob(deps: Deps): JobHandler {
  return async (ctx) => {
    dropAdvisoryCache();
    const raw = ctx.payload as Partial<{ advisoryIds: unknown; all: unknown; pending: unknown }> | null;
    const listed = Array.isArray(raw?.advisoryIds)
      ? raw.advisoryIds.filter((x): x is string => typeof x === 'string')
      : [];
    // A payload naming nothing (e.g. a scheduled { day }) is a full re-match, as before.
    const all = raw?.all === true || (raw?.pending !== true && !Array.isArray(raw?.advisoryIds));
    const waiting = await pendingRematch(deps.store.db, REMATCH_ID_CAP);
    const releases =
      all || waiting.advisoryIds === null
        ? await allSoftwareReleaseIds(deps.store.db)
        : await releasesOfAdvisories(deps, [...new Set([...waiting.advisoryIds, ...listed])]);
    let added = 0;
    for (const [i, r] of releases.entries()) {
      await ctx.progress(i, releases.length);
      added += await rematchRelease(deps, r.org_id, r.release_id);
    }
    await clearPendingRematch(deps.store.db, waiting.tokens);
    await ctx.progress(releases.length, releases.length);
    return { releases: releases.length, newFindings: added, advisories: waiting.count + listed.length };
  };
}

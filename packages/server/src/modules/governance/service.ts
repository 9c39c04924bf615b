import {
  countActions,
  DIRECTIVE_REFS,
  directivePercents,
  directiveRecord,
  directiveTitles,
  GOVERNANCE_CATALOG_URN,
  isActionOverdue,
  levelToPercent,
  percentToLevel,
  scoreAssessment,
  tokyoDate,
  topGaps,
  type ActionCounts,
  type DirectiveGap,
  type DirectiveRef,
  type DirectiveValues,
  type Text,
} from '@shinrai/core';
import {
  activeGroupCompanies,
  FINAL_ASSESSMENT_STATUSES,
  findAssessment,
  findCatalogForOrg,
  findOrganization,
  latestAssessmentOfCatalog,
  listAnswers,
  listAssessmentsOfCatalog,
  listCatalogsForOrg,
  listGovernanceActions,
  listGovernanceTargets,
  memberDisplayNames,
  previousAssessmentOfCatalog,
  type AssessmentRow,
  type Executor,
  type GovernanceActionRow,
  type GovernanceTargetRow,
} from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';
import { fail } from './errors.ts';
import { loadCatalog, type LoadedCatalog } from '../library/public.ts';
import { answerValues } from '../assessments/public.ts';
import { supplyChainBoardSummary, type SupplyChainSummary } from '../supplychain/public.ts';

/** An assessment as the governance views show it (its own catalog version, overall percent). */
export interface GovernanceAssessmentRef {
  id: string;
  title: string;
  status: string;
  createdAt: string;
  catalogVersion: string;
  percent: number | null;
}

export type Row = AssessmentRow & { catalog_version: string };

interface Scored {
  row: Row;
  catalog: LoadedCatalog;
  overall: number | null;
  percents: DirectiveValues<number | null>;
}

/** Loads catalog versions once per request (peer and group views score many assessments). */
export class CatalogCache {
  private readonly byId = new Map<string, Promise<LoadedCatalog>>();
  constructor(private readonly ex: Executor) {}
  get(orgId: string, catalogId: string): Promise<LoadedCatalog> {
    let c = this.byId.get(catalogId);
    if (!c) {
      c = loadCatalog(this.ex, orgId, catalogId);
      this.byId.set(catalogId, c);
    }
    return c;
  }
}

/** Scores one assessment with its own catalog version and reads the directives' percents. */
export async function scoreRow(ex: Executor, cache: CatalogCache, row: Row): Promise<Scored> {
  const catalog = await cache.get(row.org_id, row.catalog_id);
  const values = answerValues(await listAnswers(ex, row.org_id, row.id));
  const score = scoreAssessment(catalog.pack, catalog.nodes, values, row.tier ?? undefined);
  return { row, catalog, overall: score.overall.percent, percents: directivePercents(score) };
}

function refOf(s: Scored): GovernanceAssessmentRef {
  return {
    id: s.row.id,
    title: s.row.title,
    status: s.row.status,
    createdAt: s.row.created_at,
    catalogVersion: s.row.catalog_version,
    percent: s.overall,
  };
}

/** The newest version of the governance catalog the organization can use (for titles without an assessment). */
async function newestGovernanceCatalog(ex: Executor, orgId: string): Promise<LoadedCatalog | null> {
  const found = (await listCatalogsForOrg(ex, orgId)).find((c) => c.urn === GOVERNANCE_CATALOG_URN);
  return found ? loadCatalog(ex, orgId, found.id) : null;
}

/**
 * The assessment the views are about: the given one (404 if it is not the organization's, 409 if it is not
 * of the governance catalog), or the organization's newest governance assessment, or null.
 */
export async function governanceAssessment(
  ex: Executor,
  orgId: string,
  assessmentId: string | undefined,
): Promise<Row | null> {
  if (assessmentId === undefined)
    return (await latestAssessmentOfCatalog(ex, orgId, GOVERNANCE_CATALOG_URN)) ?? null;
  const a = await findAssessment(ex, orgId, assessmentId);
  if (!a) return fail('not_found');
  const catalog = await findCatalogForOrg(ex, orgId, a.catalog_id);
  if (!catalog) return fail('not_found');
  if (catalog.urn !== GOVERNANCE_CATALOG_URN) return fail('governance_catalog_required');
  return { ...a, catalog_version: catalog.version };
}

export interface TargetProfile {
  levels: DirectiveValues<number | null>;
  updatedAt: string | null;
  updatedBy: string | null;
}

export function targetProfile(rows: readonly GovernanceTargetRow[]): TargetProfile {
  const byRef = new Map(rows.map((r) => [r.directive, r]));
  const latest = [...rows].sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
  return {
    levels: directiveRecord((ref) => byRef.get(ref)?.target_level ?? null),
    updatedAt: latest?.updated_at ?? null,
    updatedBy: latest?.updated_by ?? null,
  };
}

export interface RadarAxis {
  ref: DirectiveRef;
  title: Text;
  /** Percent (0–100) of the assessment, the previous one and the target. */
  current: number | null;
  previous: number | null;
  target: number | null;
  /** The same on the 0–5 maturity scale (mean answered level). */
  currentLevel: number | null;
  previousLevel: number | null;
  targetLevel: number | null;
  actions: ActionCounts;
}

export interface Radar {
  assessment: GovernanceAssessmentRef | null;
  previous: GovernanceAssessmentRef | null;
  axes: RadarAxis[];
}

/** Ten axes: this assessment, the one before it (any version of the catalog) and the target. */
export async function governanceRadar(
  deps: Deps,
  orgId: string,
  assessmentId: string | undefined,
  actionRows?: readonly GovernanceActionRow[],
): Promise<Radar> {
  const ex = deps.store.db;
  const cache = new CatalogCache(ex);
  const row = await governanceAssessment(ex, orgId, assessmentId);
  const current = row ? await scoreRow(ex, cache, row) : null;
  const prevRow = row ? await previousAssessmentOfCatalog(ex, orgId, GOVERNANCE_CATALOG_URN, row) : undefined;
  const previous = prevRow ? await scoreRow(ex, cache, prevRow) : null;
  const titles = directiveTitles(
    (current?.catalog ?? (await newestGovernanceCatalog(ex, orgId)))?.nodes ?? [],
  );
  const targets = targetProfile(await listGovernanceTargets(ex, orgId)).levels;
  const counts = countActions(
    (actionRows ?? (await listGovernanceActions(ex, orgId))).map((a) => ({
      directive: a.directive,
      status: a.status,
      dueDate: a.due_date,
    })),
    tokyoDate(deps.now()),
  );
  const level = (p: number | null) => (p === null ? null : percentToLevel(p));
  return {
    assessment: current ? refOf(current) : null,
    previous: previous ? refOf(previous) : null,
    axes: DIRECTIVE_REFS.map((ref) => {
      const c = current?.percents[ref] ?? null;
      const p = previous?.percents[ref] ?? null;
      const t = targets[ref];
      return {
        ref,
        title: titles[ref],
        current: c,
        previous: p,
        target: t === null ? null : levelToPercent(t),
        currentLevel: level(c),
        previousLevel: level(p),
        targetLevel: t,
        actions: counts[ref] ?? { open: 0, done: 0, overdue: 0 },
      };
    }),
  };
}

export interface GroupRow {
  organization: { id: string; slug: string; name: string };
  self: boolean;
  assessment: { status: string; createdAt: string; catalogVersion: string } | null;
  overall: number | null;
  directives: DirectiveValues<number | null>;
}

/**
 * The parent company and its group companies side by side (IPA's 比較シート): per directive the percent of
 * each one's latest approved or locked governance assessment. Only companies with an active group_company
 * relationship in which this organization is the parent appear; nothing else of theirs is read.
 */
export async function governanceGroup(
  deps: Deps,
  orgId: string,
): Promise<{ axes: { ref: DirectiveRef; title: Text }[]; companies: GroupRow[] }> {
  const ex = deps.store.db;
  const cache = new CatalogCache(ex);
  const self = await findOrganization(ex, orgId);
  if (!self) return fail('not_found');
  const members = [
    { org: { id: self.id, slug: self.slug, name: self.name }, self: true },
    ...(await activeGroupCompanies(ex, orgId)).map((c) => ({
      org: { id: c.id, slug: c.slug, name: c.name },
      self: false,
    })),
  ];
  const companies: GroupRow[] = [];
  for (const m of members) {
    const row = await latestAssessmentOfCatalog(
      ex,
      m.org.id,
      GOVERNANCE_CATALOG_URN,
      FINAL_ASSESSMENT_STATUSES,
    );
    const s = row ? await scoreRow(ex, cache, row) : null;
    companies.push({
      organization: m.org,
      self: m.self,
      assessment: s
        ? { status: s.row.status, createdAt: s.row.created_at, catalogVersion: s.row.catalog_version }
        : null,
      overall: s?.overall ?? null,
      directives: s?.percents ?? directiveRecord(() => null),
    });
  }
  const titles = directiveTitles((await newestGovernanceCatalog(ex, orgId))?.nodes ?? []);
  return { axes: DIRECTIVE_REFS.map((ref) => ({ ref, title: titles[ref] })), companies };
}

export interface ActionView {
  id: string;
  directive: DirectiveRef;
  title: string;
  owner: { id: string; displayName: string | null };
  dueDate: string;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  kpi: { text: string; target: number | null; current: number | null } | null;
  overdue: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export function actionView(
  a: GovernanceActionRow,
  names: ReadonlyMap<string, string>,
  today: string,
): ActionView {
  return {
    id: a.id,
    directive: a.directive as DirectiveRef,
    title: a.title,
    // A former member keeps the action but no longer has a name here.
    owner: { id: a.owner_id, displayName: names.get(a.owner_id) ?? null },
    dueDate: a.due_date,
    status: a.status as ActionView['status'],
    kpi: a.kpi_text === null ? null : { text: a.kpi_text, target: a.kpi_target, current: a.kpi_current },
    overdue: isActionOverdue({ status: a.status, dueDate: a.due_date }, today),
    createdBy: a.created_by,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

export async function actionViews(
  ex: Executor,
  orgId: string,
  rows: readonly GovernanceActionRow[],
  now: Date,
): Promise<ActionView[]> {
  const names = await memberDisplayNames(
    ex,
    orgId,
    rows.map((r) => r.owner_id),
  );
  const today = tokyoDate(now);
  return rows.map((r) => actionView(r, names, today));
}

export interface BoardReport {
  orgName: string;
  now: Date;
  radar: Radar;
  gaps: DirectiveGap[];
  actions: ActionView[];
  trend: GovernanceAssessmentRef[];
  /** 指示9 (supply chain): the supply-chain module's summary. */
  supplyChain: SupplyChainSummary;
}

/** Everything the board and investor report shows, for the PDF and the .xlsx alike. */
export async function boardReport(
  deps: Deps,
  orgId: string,
  assessmentId: string | undefined,
): Promise<BoardReport> {
  const ex = deps.store.db;
  const actionRows = await listGovernanceActions(ex, orgId);
  const radar = await governanceRadar(deps, orgId, assessmentId, actionRows);
  const gaps = topGaps(
    directiveRecord((ref) => radar.axes.find((a) => a.ref === ref)?.current ?? null),
    directiveRecord((ref) => radar.axes.find((a) => a.ref === ref)?.target ?? null),
    5,
  );
  const trend = (await listAssessmentsOfCatalog(ex, orgId, GOVERNANCE_CATALOG_URN)).map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    createdAt: r.created_at,
    catalogVersion: r.catalog_version,
    percent: r.score_percent,
  }));
  return {
    orgName: (await findOrganization(ex, orgId))?.name ?? '',
    now: deps.now(),
    radar,
    gaps,
    actions: await actionViews(ex, orgId, actionRows, deps.now()),
    trend,
    supplyChain: await supplyChainBoardSummary(deps, orgId),
  };
}

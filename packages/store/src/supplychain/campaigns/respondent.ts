import type Sqlite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../database.ts';
import {
  findCampaign,
  findCampaignRequest,
  findRespondSession,
  type CampaignRequestRow,
  type CampaignRow,
  type RespondLinkRow,
  type RespondSessionRow,
} from './repo.ts';

/** A respondent session with everything a respondent's request needs: its link, request and campaign. */
export interface RespondentRows {
  session: RespondSessionRow;
  link: RespondLinkRow;
  request: CampaignRequestRow;
  campaign: CampaignRow;
}

/**
 * The statement every respondent request runs first (issue 14: 200 respondents answering at once): the
 * session by the hash of its cookie, with its link, request and campaign, in one prepared statement
 * returning one row as an array (instead of four Kysely queries). The same result as findRespondSession,
 * findCampaignRequest and findCampaign, which remain for transactions and other stores; the repository
 * test compares both on every dialect.
 */
export interface RespondQueries {
  respondent(idHash: string): Promise<RespondentRows | undefined>;
}

const SESSION = ['id_hash', 'link_id', 'csrf', 'created_at', 'expires_at'] as const;
const LINK = [
  'id',
  'org_id',
  'request_id',
  'email',
  'name',
  'token_hash',
  'item_ref',
  'forwarded_from',
  'created_at',
  'expires_at',
  'used_at',
  'revoked_at',
] as const;
const REQUEST = [
  'id',
  'org_id',
  'campaign_id',
  'supplier_id',
  'supplier_name',
  'assessment_id',
  'status',
  'opened_at',
  'submitted_at',
  'accepted_at',
  'accepted_by',
  'reminders',
  'escalated_at',
  'updated_at',
] as const;
const CAMPAIGN = [
  'id',
  'org_id',
  'title',
  'catalog_id',
  'tier',
  'deadline',
  'link_days',
  'message',
  'status',
  'owner_id',
  'created_by',
  'created_at',
  'sent_at',
  'mail_language',
] as const;

// Every column of each row, checked at compile time: a column added to a table must be added here.
type Exact<Row, Cols extends readonly string[]> = [Exclude<keyof Row, Cols[number]>] extends [never]
  ? true
  : false;
const complete: [
  Exact<RespondSessionRow, typeof SESSION>,
  Exact<RespondLinkRow, typeof LINK>,
  Exact<CampaignRequestRow, typeof REQUEST>,
  Exact<CampaignRow, typeof CAMPAIGN>,
] = [true, true, true, true];
void complete;

const cols = (alias: string, names: readonly string[]) => names.map((c) => `${alias}.${c}`).join(', ');
const RESPONDENT = (p: string) =>
  `select ${cols('s', SESSION)}, ${cols('l', LINK)}, ${cols('r', REQUEST)}, ${cols('c', CAMPAIGN)}
   from respond_sessions s
   inner join respond_links l on l.id = s.link_id
   inner join campaign_requests r on r.org_id = l.org_id and r.id = l.request_id
   inner join campaigns c on c.org_id = r.org_id and c.id = r.campaign_id
   where s.id_hash = ${p}`;

type Cell = string | number | null;

function rowOf<T>(cells: Cell[], from: number, names: readonly string[]): T {
  const o: Record<string, Cell> = {};
  for (let i = 0; i < names.length; i++) o[names[i]!] = cells[from + i] ?? null;
  return o as T;
}

function respondentOf(r: Cell[]): RespondentRows {
  let at = 0;
  const take = <T>(names: readonly string[]): T => {
    const row = rowOf<T>(r, at, names);
    at += names.length;
    return row;
  };
  return {
    session: take<RespondSessionRow>(SESSION),
    link: take<RespondLinkRow>(LINK),
    request: take<CampaignRequestRow>(REQUEST),
    campaign: take<CampaignRow>(CAMPAIGN),
  };
}

/** Any store: the Kysely functions themselves. */
export function kyselyRespondQueries(db: Kysely<Database>): RespondQueries {
  return {
    async respondent(idHash) {
      const s = await findRespondSession(db, idHash);
      if (!s) return undefined;
      const { link, ...session } = s;
      const request = await findCampaignRequest(db, link.org_id, link.request_id);
      const campaign = request && (await findCampaign(db, link.org_id, request.campaign_id));
      return request && campaign ? { session, link, request, campaign } : undefined;
    },
  };
}

/**
 * SQLite: prepared on first use and run synchronously; while a transaction is open on the connection the
 * Kysely functions run instead (they wait for it), so no uncommitted row is read.
 */
export function sqliteRespondQueries(raw: Sqlite.Database, db: Kysely<Database>): RespondQueries {
  const slow = kyselyRespondQueries(db);
  let stmt: Sqlite.Statement<Cell[], Cell[]> | null = null;
  return {
    async respondent(idHash) {
      if (raw.inTransaction) return slow.respondent(idHash);
      stmt ??= raw.prepare<Cell[], Cell[]>(RESPONDENT('?')).raw(true);
      const r = stmt.get(idHash);
      return r === undefined ? undefined : respondentOf(r);
    },
  };
}

/** PostgreSQL: a named prepared statement on the pool (parsed once per pooled connection). */
export function postgresRespondQueries(pool: pg.Pool): RespondQueries {
  const text = RESPONDENT('$1');
  return {
    async respondent(idHash) {
      const { rows } = await pool.query<Cell[]>({
        name: 'shinrai_respondent',
        text,
        values: [idHash],
        rowMode: 'array',
      });
      return rows[0] === undefined ? undefined : respondentOf(rows[0]);
    },
  };
}

import { selfCheckDue } from '@shinrai/core';
import {
  claimSetting,
  deleteSetting,
  getSetting,
  listAssessmentsOfCatalog,
  setSetting,
} from '@shinrai/store';
import type { Deps } from '../../platform/deps.ts';
import { SELF_CHECK_URN } from './service.ts';
import { scheduleDaily } from '../../platform/jobs/schedule.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';

export const SME_REMINDERS = 'sme.reminders';
const REMIND_EVERY_MS = 30 * 86_400_000;

/**
 * Daily: e-mails owners and admins of organizations whose last self-check is about a year old (or that
 * started one and never finished), at most once a month, then schedules the next day's run.
 */
export function smeRemindersJob(deps: Deps): JobHandler {
  return async (ctx) => {
    const db = deps.store.db;
    const now = deps.now();
    const orgs = await db
      .selectFrom('assessments as a')
      .innerJoin('catalogs as c', 'c.id', 'a.catalog_id')
      .innerJoin('organizations as o', 'o.id', 'a.org_id')
      .select(['o.id', 'o.name'])
      .distinct()
      .where('c.urn', '=', SELF_CHECK_URN)
      .execute();
    let sent = 0;
    for (const [i, org] of orgs.entries()) {
      await ctx.progress(i, orgs.length);
      const all = await listAssessmentsOfCatalog(db, org.id, SELF_CHECK_URN);
      const done = all.filter((a) => a.answered_count !== null && a.answered_count === a.item_count);
      const last = done[done.length - 1]?.updated_at ?? null;
      if (!selfCheckDue(last, now)) continue;
      const key = `sme.reminded:${org.id}`;
      const reminded = await getSetting(db, key);
      // Claim this month's reminder first: two runs at once (several workers, or a late run beside today's)
      // must not both mail. If sending fails, the claim is given back so a retry can send.
      const since = new Date(now.getTime() - REMIND_EVERY_MS).toISOString();
      if (!(await claimSetting(db, key, now.toISOString(), since))) continue;
      const recipients = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.email', 'u.locale'])
        .where('m.org_id', '=', org.id)
        .where('m.role', 'in', ['owner', 'admin'])
        .execute();
      const link = `${deps.config.publicUrl}/orgs/${org.id}/assessments`;
      try {
        for (const r of recipients) {
          await deps.mailer.send(
            r.locale === 'en'
              ? {
                  to: r.email,
                  subject: `[Shinrai] Time to redo the security self-check — ${org.name}`,
                  text: `It has been about a year since ${org.name} last completed the 25-item security self-check${last ? '' : ' (or it was never finished)'}. Redoing it every year shows what changed. Start from last year's answers here:\n${link}\n`,
                }
              : {
                  to: r.email,
                  subject: `【Shinrai】自社診断の見直し時期です — ${org.name}`,
                  text: `${org.name} の情報セキュリティ自社診断（25項目）の${last ? '前回の実施から約1年が経ちました' : '回答がまだ完了していません'}。毎年見直すことで、対策の進み具合が分かります。前回の回答から始められます：\n${link}\n`,
                },
          );
          sent++;
        }
      } catch (err) {
        if (reminded === null) await deleteSetting(db, key);
        else await setSetting(db, key, reminded);
        throw err;
      }
    }
    await ctx.progress(orgs.length, orgs.length);
    await scheduleDaily(deps, SME_REMINDERS, now);
    return { organizations: orgs.length, sent };
  };
}

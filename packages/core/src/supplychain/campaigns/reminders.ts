import holidayJp from '@holiday-jp/holiday_jp';

/**
 * Reminder days (督促日) before a campaign's deadline: 7, 3 and 1 days before, each moved back to the
 * previous working day when it falls on a Saturday, Sunday or a Japanese public holiday (国民の祝日,
 * 振替休日 and 国民の休日, from @holiday-jp/holiday_jp), so nobody is reminded during Golden Week or the
 * New Year and the last reminder still comes before the deadline. Two reminders moved onto the same day
 * become one. Escalation to the buyer (期限超過) is due on the first working day after the deadline.
 * Dates are calendar days (YYYY-MM-DD) in Japan time.
 */
export const REMINDER_OFFSETS = [7, 3, 1] as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];

/** The Japanese new-year company holidays (12/29–1/3, 年末年始) are not public holidays; optional. */
export interface WorkdayRules {
  newYearBreak?: boolean;
}

function parse(d: string): Date {
  return new Date(`${d}T00:00:00Z`);
}

function fmt(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + n);
  return fmt(d);
}

export function isPublicHoliday(day: string): boolean {
  return Object.prototype.hasOwnProperty.call(holidayJp.holidays, day);
}

export function isWorkday(day: string, rules: WorkdayRules = {}): boolean {
  const wd = parse(day).getUTCDay();
  if (wd === 0 || wd === 6) return false;
  if (isPublicHoliday(day)) return false;
  if (rules.newYearBreak === true) {
    const md = day.slice(5);
    if (md >= '12-29' || md <= '01-03') return false;
  }
  return true;
}

/** The day itself when it is a working day, else the nearest working day before it. */
export function workdayOnOrBefore(day: string, rules: WorkdayRules = {}): string {
  let d = day;
  while (!isWorkday(d, rules)) d = addDays(d, -1);
  return d;
}

export function workdayAfter(day: string, rules: WorkdayRules = {}): string {
  let d = addDays(day, 1);
  while (!isWorkday(d, rules)) d = addDays(d, 1);
  return d;
}

export interface ReminderDay {
  offset: ReminderOffset;
  date: string;
}

/**
 * The reminder days of a deadline, earliest first, leaving out those not after `sentOn` (a campaign sent
 * 2 days before its deadline gets only the 1-day reminder).
 */
export function reminderSchedule(deadline: string, sentOn: string, rules: WorkdayRules = {}): ReminderDay[] {
  const out: ReminderDay[] = [];
  for (const offset of REMINDER_OFFSETS) {
    const date = workdayOnOrBefore(addDays(deadline, -offset), rules);
    if (date <= sentOn || date >= deadline) continue;
    const same = out.find((r) => r.date === date);
    if (same)
      same.offset = offset; // the later (closer) reminder's wording wins
    else out.push({ offset, date });
  }
  return out;
}

/**
 * The reminder to send on `today`, if any: the latest scheduled one on or before today that was not sent
 * yet (a day the job did not run is made up the next day, once, without sending the older ones too).
 */
export function reminderDue(
  deadline: string,
  sentOn: string,
  today: string,
  alreadySent: readonly number[],
  rules: WorkdayRules = {},
): ReminderDay | null {
  if (today >= deadline) return null;
  const due = reminderSchedule(deadline, sentOn, rules).filter((r) => r.date <= today);
  const last = due[due.length - 1];
  if (last === undefined || alreadySent.some((o) => o <= last.offset)) return null;
  return last;
}

/** Escalation (期限超過の連絡) is due from the first working day after the deadline. */
export function escalationDue(deadline: string, today: string, rules: WorkdayRules = {}): boolean {
  return today >= workdayAfter(deadline, rules);
}

/** Today's calendar day in Japan time (UTC+9, no daylight saving). */
export function japanDay(now: Date): string {
  return fmt(new Date(now.getTime() + 9 * 3600_000));
}

import { describe, expect, it } from 'vitest';
import type { AnswerModel } from '../../catalog/pack.ts';
import {
  escalationDue,
  evidenceRefusal,
  isWorkday,
  japanDay,
  linkRefusal,
  linkTokenHash,
  linkTokenShape,
  needsFollowUp,
  newLinkToken,
  reminderDue,
  reminderSchedule,
  respondentMayEdit,
  submitProblems,
  answerProblems,
  questionKind,
} from './index.ts';

const NOW = new Date('2027-04-01T00:00:00Z');
const open = { expiresAt: '2027-05-01T00:00:00Z', usedAt: null, revokedAt: null };

describe('respondent link tokens', () => {
  it('are random, checked, and stored only as a SHA-256 hash', () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^r1_[A-Za-z0-9_-]{38}$/);
    expect(linkTokenShape(a)).toBe('ok');
    expect(linkTokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(linkTokenHash(a)).not.toContain(a.slice(3, 20));
  });

  it('tells a cut-off link, an altered one, a guessed one, and expired / used / withdrawn ones apart', () => {
    const t = newLinkToken(Buffer.alloc(24, 7));
    expect(linkRefusal(t, open, NOW)).toBeNull();
    expect(linkRefusal(t.slice(0, 30), open, NOW)).toBe('malformed');
    expect(linkRefusal('https://x/respond', open, NOW)).toBe('malformed');
    const flipped = t.slice(0, 10) + (t[10] === 'A' ? 'B' : 'A') + t.slice(11);
    expect(linkRefusal(flipped, open, NOW)).toBe('tampered');
    expect(linkRefusal(newLinkToken(), undefined, NOW)).toBe('unknown');
    expect(linkRefusal(t, { ...open, expiresAt: '2027-04-01T00:00:00Z' }, NOW)).toBe('expired');
    expect(linkRefusal(t, { ...open, usedAt: '2027-03-30T00:00:00Z' }, NOW)).toBe('used');
    expect(linkRefusal(t, { ...open, revokedAt: '2027-03-30T00:00:00Z' }, NOW)).toBe('revoked');
    expect(linkRefusal(t, open, NOW, true)).toBe('closed');
  });
});

describe('reminders 7/3/1 days before the deadline on Japanese working days', () => {
  it('knows weekends and public holidays (Golden Week 2027)', () => {
    expect(isWorkday('2027-04-29')).toBe(false); // 昭和の日
    expect(isWorkday('2027-05-03')).toBe(false);
    expect(isWorkday('2027-05-04')).toBe(false);
    expect(isWorkday('2027-05-05')).toBe(false);
    expect(isWorkday('2027-05-01')).toBe(false); // Saturday
    expect(isWorkday('2027-04-30')).toBe(true);
    expect(isWorkday('2027-05-06')).toBe(true);
  });

  it('moves reminders out of Golden Week to the working day before, merging the ones that meet', () => {
    // deadline Thu 6 May 2027: 7 days before is 29 Apr (holiday) → 28 Apr; 3 and 1 days before
    // (3 May, 5 May) both fall back to Fri 30 Apr: one reminder, worded as the last one.
    expect(reminderSchedule('2027-05-06', '2027-04-01')).toEqual([
      { offset: 7, date: '2027-04-28' },
      { offset: 1, date: '2027-04-30' },
    ]);
  });

  it('skips New Year public holidays, and the 年末年始 break when asked', () => {
    // deadline Tue 5 Jan 2027: 1 day → Mon 4 Jan; 3 days → Sat 2 Jan → 1 Jan (元日) → Thu 31 Dec.
    expect(reminderSchedule('2027-01-05', '2026-12-01')).toEqual([
      { offset: 7, date: '2026-12-29' },
      { offset: 3, date: '2026-12-31' },
      { offset: 1, date: '2027-01-04' },
    ]);
    expect(reminderSchedule('2027-01-05', '2026-12-01', { newYearBreak: true })).toEqual([
      { offset: 3, date: '2026-12-28' },
      { offset: 1, date: '2027-01-04' },
    ]);
  });

  it('leaves out reminders before the campaign was sent', () => {
    expect(reminderSchedule('2027-06-10', '2027-06-08')).toEqual([{ offset: 1, date: '2027-06-09' }]);
  });

  it('sends the latest due reminder once, making up a missed day without repeating older ones', () => {
    const d = '2027-06-18'; // Fri; 7 → Fri 11 Jun, 3 → Tue 15 Jun, 1 → Thu 17 Jun
    expect(reminderDue(d, '2027-06-01', '2027-06-10', [])).toBeNull();
    expect(reminderDue(d, '2027-06-01', '2027-06-11', [])).toEqual({ offset: 7, date: '2027-06-11' });
    expect(reminderDue(d, '2027-06-01', '2027-06-12', [7])).toBeNull();
    expect(reminderDue(d, '2027-06-01', '2027-06-16', [])).toEqual({ offset: 3, date: '2027-06-15' });
    expect(reminderDue(d, '2027-06-01', '2027-06-17', [7, 3])).toEqual({ offset: 1, date: '2027-06-17' });
    expect(reminderDue(d, '2027-06-01', '2027-06-18', [7, 3])).toBeNull();
  });

  it('escalates from the first working day after the deadline', () => {
    expect(escalationDue('2027-05-02', '2027-05-05')).toBe(false); // holidays after a Sunday deadline
    expect(escalationDue('2027-05-02', '2027-05-06')).toBe(true);
    expect(japanDay(new Date('2027-05-05T15:30:00Z'))).toBe('2027-05-06');
  });
});

const yesNo: AnswerModel = {
  kind: 'choice',
  options: [
    { value: 'yes', label: { ja: 'はい', en: 'Yes' }, points: 4 },
    { value: 'partly', label: { ja: '一部', en: 'Partly' }, points: 2 },
    { value: 'no', label: { ja: 'いいえ', en: 'No' }, points: 0 },
    { value: 'unknown', label: { ja: 'わからない', en: 'Unknown' }, unknown: true },
  ],
};

describe('questions and conditional follow-ups', () => {
  it('asks for a follow-up on a no, an unknown, or the lowest maturity level only', () => {
    expect(needsFollowUp(yesNo, { kind: 'choice', value: 'no' })).toBe(true);
    expect(needsFollowUp(yesNo, { kind: 'choice', value: 'unknown' })).toBe(true);
    expect(needsFollowUp(yesNo, { kind: 'choice', value: 'partly' })).toBe(false);
    expect(needsFollowUp(yesNo, null)).toBe(false);
    const m: AnswerModel = {
      kind: 'maturity',
      levels: [1, 2, 3].map((level) => ({ level, label: { ja: `${level}`, en: `${level}` } })),
    };
    expect(needsFollowUp(m, { kind: 'maturity', level: 1 })).toBe(true);
    expect(needsFollowUp(m, { kind: 'maturity', level: 2 })).toBe(false);
  });

  it('locates answers that do not fit and bad follow-up dates', () => {
    expect(
      answerProblems(yesNo, { kind: 'choice', value: 'maybe' }, { reason: null, plannedDate: null }),
    ).toEqual([{ pointer: '/value', code: 'not_fitting' }]);
    expect(
      answerProblems(yesNo, { kind: 'choice', value: 'no' }, { reason: 'x', plannedDate: '2027-02-30' }),
    ).toEqual([{ pointer: '/followUp/plannedDate', code: 'bad_date' }]);
  });

  it('takes a date answer only as a real calendar day within the bounds, unscored and without follow-up', () => {
    const when: AnswerModel = { kind: 'date', notBefore: '2020-01-01', notAfter: '2030-12-31' };
    const none = { reason: null, plannedDate: null };
    expect(questionKind(when)).toBe('date');
    expect(answerProblems(when, { kind: 'date', value: '2028-02-29' }, none)).toEqual([]);
    for (const bad of ['2027-02-29', '2027-13-01', '27-01-01', '2019-12-31', '2031-01-01'])
      expect(answerProblems(when, { kind: 'date', value: bad }, none), bad).toEqual([
        { pointer: '/value', code: 'not_fitting' },
      ]);
    expect(answerProblems(when, { kind: 'text', value: '2027-01-01' }, none)).toEqual([
      { pointer: '/value', code: 'not_fitting' },
    ]);
    expect(needsFollowUp(when, { kind: 'date', value: '2027-01-01' })).toBe(false);
    expect(submitProblems([{ ref: 'd', model: when, value: null, followUp: none }])).toEqual([
      { ref: 'd', code: 'unanswered' },
    ]);
  });

  it('takes a file answer only as the count of attached files, never cleared by hand', () => {
    const upload: AnswerModel = { kind: 'file' };
    const none = { reason: null, plannedDate: null };
    expect(questionKind(upload)).toBe('file');
    expect(answerProblems(upload, { kind: 'file', files: 2 }, none)).toEqual([]);
    for (const bad of [{ kind: 'file', files: 0 } as const, { kind: 'file', files: 1.5 } as const, null])
      expect(answerProblems(upload, bad, none)).toEqual([{ pointer: '/value', code: 'not_fitting' }]);
    expect(submitProblems([{ ref: 'f', model: upload, value: null, followUp: none }])).toEqual([
      { ref: 'f', code: 'unanswered' },
    ]);
  });

  it('refuses a submission with unanswered items or missing follow-ups', () => {
    const none = { reason: null, plannedDate: null };
    expect(
      submitProblems([
        { ref: 'a', model: yesNo, value: null, followUp: none },
        { ref: 'b', model: yesNo, value: { kind: 'choice', value: 'no' }, followUp: none },
        {
          ref: 'c',
          model: yesNo,
          value: { kind: 'choice', value: 'no' },
          followUp: { reason: '来期', plannedDate: '2027-09-30' },
        },
        { ref: 'd', model: yesNo, value: { kind: 'choice', value: 'yes' }, followUp: none },
      ]),
    ).toEqual([
      { ref: 'a', code: 'unanswered' },
      { ref: 'b', code: 'follow_up_missing' },
    ]);
  });

  it('limits evidence by type, size and count', () => {
    expect(evidenceRefusal('policy.pdf', 1000, 0)).toBeNull();
    expect(evidenceRefusal('tool.exe', 1000, 0)).toBe('type');
    expect(evidenceRefusal('pdf', 1000, 0)).toBe('type');
    expect(evidenceRefusal('big.pdf', 11 * 1024 * 1024, 0)).toBe('too_large');
    expect(evidenceRefusal('a.pdf', 0, 0)).toBe('empty');
    expect(evidenceRefusal('a.pdf', 10, 5)).toBe('too_many');
  });

  it('lets a respondent edit until submission, then only returned items, never accepted ones', () => {
    expect(respondentMayEdit('opened', 'open')).toBe(true);
    expect(respondentMayEdit('submitted', 'open')).toBe(false);
    expect(respondentMayEdit('submitted', 'returned')).toBe(true);
    expect(respondentMayEdit('opened', 'accepted')).toBe(false);
    expect(respondentMayEdit('accepted', 'returned')).toBe(false);
  });
});

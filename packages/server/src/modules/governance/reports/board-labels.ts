import { formatPercent, type Locale } from '@shinrai/core';
import type { BoardReport, GovernanceAssessmentRef } from '../service.ts';

/** The board report's words (Japanese and English), colours and number and date formats, for the PDF and the .xlsx. */
export const L = {
  ja: {
    title: 'サイバーセキュリティ経営 報告書',
    subtitle: '取締役会・投資家向け（サイバーセキュリティ経営ガイドライン 指示1〜10）',
    organization: '組織',
    printed: '作成日',
    assessment: '対象の評価',
    previous: '前回の評価',
    overall: '総合達成率',
    none: 'なし',
    noAssessment: 'サイバーセキュリティ経営ガイドラインの評価はまだありません。',
    radar: '指示別の成熟度（今回・前回・目標）',
    radarNote: '目盛りは成熟度レベル1〜5（達成率20〜100%）。',
    current: '今回',
    last: '前回',
    target: '目標',
    gap: '差（ポイント）',
    directive: '指示',
    dirShort: '指示',
    gaps: '優先課題（目標との差が大きい指示）',
    noGaps: '目標を下回っている指示はありません（目標が未設定の指示は含みません）。',
    openActions: '未完了',
    doneActions: '完了',
    overdueActions: '期限超過',
    actions: 'アクションプラン',
    noActions: 'アクションはまだありません。',
    action: 'アクション',
    owner: '担当',
    due: '期限',
    status: '状態',
    kpi: 'KPI',
    kpiTarget: 'KPI目標',
    kpiCurrent: 'KPI現在',
    overdue: '期限超過',
    trend: '推移（すべての評価の総合達成率）',
    supplyChain: (s: string) => `${s}（指示9）`,
    noTrend: '評価はまだありません。',
    date: '作成日',
    version: '版',
    percent: '達成率(%)',
    level: '目標レベル',
    page: 'ページ',
    levelPercent: (level: string, percent: string) => `${level}（${percent}）`,
    execSummary: 'エグゼクティブサマリー',
    keyFigures: '主な数字',
    overallLine: (now: string, prev: string | null, diff: string | null) =>
      `総合達成率 ${now}${prev === null ? '' : `（前回 ${prev}、${diff} ポイント）`}`,
    belowLine: (n: number, worst: string | null) =>
      n === 0
        ? '目標を下回る指示はありません。'
        : `目標を下回る指示：${n}件${worst ? `（差が最も大きいのは${worst}）` : ''}`,
    actionsLine: (open: number, overdue: number, done: number) =>
      `アクション：未完了 ${open}件（うち期限超過 ${overdue}件）、完了 ${done}件`,
    summaryText: '要約',
    commentary: 'CISOのコメント',
    notWritten: 'まだ書かれていません（経営ガイドラインの画面の「報告書の要約とコメント」で書けます）。',
    writtenBy: (name: string, date: string) => `記入：${name}（${date}）`,
    draftMark: '下書き — DRAFT',
    draftNote: 'この評価はまだ承認されていません（下書き）。数字は変わることがあります。',
    short: (n: number) => `指示${n}`,
    sheets: {
      summary: '概要',
      directives: '指示別',
      gaps: '優先課題',
      actions: 'アクションプラン',
      trend: '推移',
    },
    assessmentStatus: {
      draft: '下書き',
      in_review: 'レビュー中',
      approved: '承認済み',
      locked: 'ロック済み',
    } as Record<string, string>,
    actionStatus: {
      planned: '予定',
      in_progress: '実施中',
      done: '完了',
      cancelled: '中止',
    } as Record<string, string>,
  },
  en: {
    title: 'Cybersecurity management report',
    subtitle: 'For the board and investors (Cybersecurity Management Guidelines, directives 1–10)',
    organization: 'Organization',
    printed: 'Date',
    assessment: 'Assessment',
    previous: 'Previous assessment',
    overall: 'Overall achievement',
    none: 'None',
    noAssessment: 'There is no assessment of the Cybersecurity Management Guidelines yet.',
    radar: 'Maturity by directive (current, previous, target)',
    radarNote: 'Rings are maturity levels 1–5 (20–100 %).',
    current: 'Current',
    last: 'Previous',
    target: 'Target',
    gap: 'Gap (points)',
    directive: 'Directive',
    dirShort: 'Dir.',
    gaps: 'Top gaps to target',
    noGaps: 'No directive is below its target (directives without a target are not included).',
    openActions: 'Open',
    doneActions: 'Done',
    overdueActions: 'Overdue',
    actions: 'Action plan',
    noActions: 'No action items yet.',
    action: 'Action',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    kpi: 'KPI',
    kpiTarget: 'KPI target',
    kpiCurrent: 'KPI current',
    overdue: 'Overdue',
    trend: 'Trend (overall achievement of every assessment)',
    supplyChain: (s: string) => `${s} (directive 9)`,
    noTrend: 'No assessments yet.',
    date: 'Created',
    version: 'Version',
    percent: 'Percent',
    level: 'Target level',
    page: 'Page',
    levelPercent: (level: string, percent: string) => `${level} (${percent})`,
    execSummary: 'Executive summary',
    keyFigures: 'Key figures',
    overallLine: (now: string, prev: string | null, diff: string | null) =>
      `Overall achievement ${now}${prev === null ? '' : ` (previous ${prev}, ${diff} points)`}`,
    belowLine: (n: number, worst: string | null) =>
      n === 0
        ? 'No directive is below its target.'
        : `Directives below target: ${n}${worst ? ` (largest gap: ${worst})` : ''}`,
    actionsLine: (open: number, overdue: number, done: number) =>
      `Actions: ${open} open (${overdue} overdue), ${done} done`,
    summaryText: 'Summary',
    commentary: "CISO's commentary",
    notWritten: 'Not written yet (write it under "Report summary and commentary" on the governance page).',
    writtenBy: (name: string, date: string) => `Written by ${name} (${date})`,
    draftMark: 'DRAFT',
    draftNote: 'This assessment is not approved yet (draft). Figures may change.',
    short: (n: number) => `D${n}`,
    sheets: {
      summary: 'Summary',
      directives: 'Directives',
      gaps: 'Top gaps',
      actions: 'Action plan',
      trend: 'Trend',
    },
    assessmentStatus: {
      draft: 'Draft',
      in_review: 'In review',
      approved: 'Approved',
      locked: 'Locked',
    } as Record<string, string>,
    actionStatus: {
      planned: 'Planned',
      in_progress: 'In progress',
      done: 'Done',
      cancelled: 'Cancelled',
    } as Record<string, string>,
  },
} as const;

export const COLORS = { current: '#1c7ed6', previous: '#868e96', target: '#e8590c', grid: '#c8c8c8' };

export const jstDateTime = (d: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(d);
export const jstDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'medium',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));

export const pct = (v: number | null) => formatPercent(v);
export const num = (v: number | null) => (v === null ? '—' : String(v));
export const directiveNo = (ref: string) => Number(ref.replace('directive-', ''));

export function assessmentLine(a: GovernanceAssessmentRef | null, locale: Locale): string {
  const t = L[locale];
  if (!a) return t.none;
  const parts = [
    t.assessmentStatus[a.status] ?? a.status,
    jstDate(a.createdAt, locale),
    `v${a.catalogVersion}`,
  ];
  return locale === 'ja' ? `${a.title}（${parts.join('、')}）` : `${a.title} (${parts.join(', ')})`;
}

export function kpiText(k: BoardReport['actions'][number]['kpi']): string {
  if (!k) return '';
  return `${k.text}: ${num(k.current)} / ${num(k.target)}`;
}

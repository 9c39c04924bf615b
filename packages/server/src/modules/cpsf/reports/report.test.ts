// The CPSF report (PDF): dates and statuses in the gap table stay on one line, and the check lines carry
// the severity in the report's language (no raw "[warning]" in a Japanese report).
import { describe, expect, it } from 'vitest';
import type { Model } from '@shinrai/core';
import { cpsfReportToPdf, type CpsfReportInput } from './report.ts';
import { pdfText } from '../../../../../../test/helpers/pdf-text.ts';

const model: Model = {
  elements: [
    { id: 'THG-1', name: '空調制御コントローラー（中央監視盤）', component: 'thing', layer: 2 },
    { id: 'SYS-1', name: 'Building management system', component: 'system', layer: 3 },
  ],
  edges: [],
};

const plan = (dueDate: string, owner: string) => ({
  owner,
  dueDate,
  costEstimate: 12_345_678,
  residualAcceptedBy: null,
  note: null,
  updatedAt: '2026-12-01T00:00:00Z',
});

function input(lang: 'ja' | 'en'): CpsfReportInput {
  const requirement = (ref: string, status: 'partial' | 'not_implemented', due: string) => ({
    ref,
    tier: 'advanced' as const,
    riskSources: [],
    cpsfRefs: [],
    status,
    statusRevision: 1,
    plan: plan(due, '設備管理部 保全課 田中'),
  });
  const analysis = {
    checks: [
      {
        code: 'no_owner',
        severity: 'warning' as const,
        elementIds: ['THG-1'],
        edgeIds: [],
        message: { ja: '管理者が決まっていません。', en: 'No owner is set.' },
      },
      {
        code: 'dup',
        severity: 'error' as const,
        elementIds: ['SYS-1'],
        edgeIds: [],
        message: { ja: 'ID が重複しています。', en: 'The id is used twice.' },
      },
    ],
    elements: model.elements.map((e, i) => ({
      elementId: e.id,
      level: { level: 'advanced' as const, reason: { ja: '', en: '' } },
      riskSources: [],
      requirements: [
        requirement(`REQ-${i}-1`, 'partial', '2027-03-31'),
        requirement(`REQ-${i}-2`, 'not_implemented', '2027-12-31'),
      ],
    })),
    heatmap: [],
    summary: { elements: 2, required: 4, met: 0, partial: 2, unmet: 2, unanswered: 0 },
    overrides: [],
  };
  return {
    organization: '信頼精機',
    modelName: '本社ビル',
    date: '2026-12-02',
    model,
    analysis: analysis as unknown as CpsfReportInput['analysis'],
    requirementTitles: new Map([
      [
        'REQ-0-1',
        {
          ja: '機器の設定変更を記録し、許可のない変更を検知できるようにする長い要件の題名',
          en: 'Record configuration changes of devices and detect unauthorised ones (a long title)',
        },
      ],
    ]),
    lang,
  };
}

describe('CPSF report PDF', () => {
  it('Japanese: severity in Japanese, dates and statuses unbroken', async () => {
    const text = await pdfText(await cpsfReportToPdf(input('ja')));
    expect(text).not.toMatch(/\[(warning|error|info)\]/);
    expect(text).toContain('【警告】管理者が決まっていません。');
    expect(text).toContain('【エラー】');
    for (const date of ['2027-03-31', '2027-12-31']) expect(text).toContain(date);
    expect(text).toContain('一部実施している');
    expect(text).toContain('実施していない');
    expect(text).toContain('12,345,678');
  });

  it('English: severity words, dates and statuses unbroken', async () => {
    const text = await pdfText(await cpsfReportToPdf(input('en')));
    expect(text).toContain('[Warning] No owner is set.');
    expect(text).toContain('2027-03-31');
    expect(text).toContain('Partly implemented');
    expect(text).toContain('Not implemented');
  });
});

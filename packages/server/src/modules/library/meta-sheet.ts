import type { AnswerModel, CatalogPack, Text } from '@shinrai/core';

type Lang = 'ja' | 'en';

/** One readable row of the `meta` sheet: the field, its name in both languages and its value in each. */
export interface MetaRow {
  key: string;
  label: Text;
  ja: string;
  en: string;
}

const LABELS: Record<string, Text> = {
  id: { ja: 'カタログ ID', en: 'Catalog ID' },
  version: { ja: '版', en: 'Version' },
  publisher: { ja: '発行元', en: 'Publisher' },
  title: { ja: '名称', en: 'Title' },
  description: { ja: '説明', en: 'Description' },
  notice: { ja: '注意事項', en: 'Notice' },
  sources: { ja: '出典', en: 'Sources' },
  answerModels: { ja: '回答形式', en: 'Answer models' },
  tiers: { ja: '段階', en: 'Tiers' },
  tags: { ja: 'タグ', en: 'Tags' },
  scoring: { ja: '採点', en: 'Scoring' },
};

const KIND: Record<AnswerModel['kind'], Text> = {
  choice: { ja: '選択（一つ）', en: 'Choice (one)' },
  multiple: { ja: '選択（複数）', en: 'Choice (several)' },
  maturity: { ja: '成熟度', en: 'Maturity' },
  number: { ja: '数値', en: 'Number' },
  text: { ja: '文章', en: 'Text' },
  date: { ja: '日付', en: 'Date' },
  file: { ja: 'ファイル添付', en: 'File upload' },
};

const points = (p: number | undefined, lang: Lang) =>
  p === undefined ? '' : lang === 'ja' ? `（${p}点）` : ` (${p} pt)`;

function model(m: AnswerModel, lang: Lang): string {
  switch (m.kind) {
    case 'choice':
    case 'multiple':
      return m.options.map((o) => `${o.label[lang]}${points(o.points, lang)}`).join(' / ');
    case 'maturity':
      return m.levels.map((l) => `${l.level} ${l.label[lang]}`).join(' / ');
    case 'number': {
      const range = [m.min ?? '', m.max ?? ''].join('–');
      return `${range === '–' ? '' : range}${m.unit ? ` ${m.unit[lang]}` : ''}`.trim();
    }
    case 'text':
      return m.maxLength ? (lang === 'ja' ? `${m.maxLength}字まで` : `up to ${m.maxLength} characters`) : '';
    case 'date':
      return m.notBefore || m.notAfter ? `${m.notBefore ?? ''}–${m.notAfter ?? ''}` : '';
    case 'file':
      return '';
  }
}

function scoring(s: NonNullable<CatalogPack['scoring']>, lang: Lang): string[] {
  const method =
    s.method === 'percent'
      ? { ja: '達成率（%）', en: 'Percent of the maximum' }
      : { ja: '合計点', en: 'Sum of points' };
  const lines = [method[lang]];
  for (const b of [...(s.bands ?? [])].sort((a, c) => c.min - a.min))
    lines.push(lang === 'ja' ? `${b.min} 以上: ${b.label.ja}` : `${b.min} or more: ${b.label.en}`);
  return lines;
}

/**
 * The catalog header as people read it (one row a field, Japanese and English side by side, one line
 * a source, answer model, tier, tag or band) for the `meta` sheet; the exact values travel in the
 * hidden `meta_json` sheet so that importing the file gives back the same catalog.
 */
export function readableMeta(pack: CatalogPack): MetaRow[] {
  const rows: MetaRow[] = [];
  const add = (key: string, ja: string, en: string, label = LABELS[key] ?? { ja: key, en: key }) =>
    rows.push({ key, label, ja, en });
  const text = (key: string, v: Text | undefined) => v && add(key, v.ja, v.en);
  add('id', pack.id, pack.id);
  add('version', pack.version, pack.version);
  text('publisher', pack.publisher);
  text('title', pack.title);
  text('description', pack.description);
  text('notice', pack.notice);
  pack.sources.forEach((s, i) => {
    const line = [s.title, s.date, s.url].filter(Boolean).join(' — ');
    add(`sources.${i + 1}`, line, line, LABELS.sources);
  });
  for (const [id, m] of Object.entries(pack.answerModels))
    add(
      `answerModels.${id}`,
      `${KIND[m.kind].ja}: ${model(m, 'ja')}`,
      `${KIND[m.kind].en}: ${model(m, 'en')}`,
      LABELS.answerModels,
    );
  for (const tier of pack.tiers ?? []) add(`tiers.${tier.id}`, tier.label.ja, tier.label.en, LABELS.tiers);
  for (const [group, tags] of Object.entries(pack.tags ?? {}))
    add(
      `tags.${group}`,
      Object.values(tags)
        .map((t) => t.ja)
        .join(' / '),
      Object.values(tags)
        .map((t) => t.en)
        .join(' / '),
      LABELS.tags,
    );
  if (pack.scoring)
    add('scoring', scoring(pack.scoring, 'ja').join('\n'), scoring(pack.scoring, 'en').join('\n'));
  return rows;
}

import type { Locale } from '../errors.ts';
import type { CatalogPack } from './pack.ts';
import type { AnswerValue } from './scoring.ts';

/** How an answer reads to a person: option labels, or the level with its label, in the asked language. */
export function answerLabel(
  pack: Pick<CatalogPack, 'answerModels'>,
  modelKey: string | undefined,
  a: AnswerValue,
  locale: Locale,
): string {
  const model = pack.answerModels[modelKey ?? ''];
  switch (a.kind) {
    case 'choice':
      return (
        (model?.kind === 'choice'
          ? model.options.find((o) => o.value === a.value)?.label[locale]
          : undefined) ?? a.value
      );
    case 'multiple':
      return a.values
        .map(
          (v) =>
            (model?.kind === 'multiple'
              ? model.options.find((o) => o.value === v)?.label[locale]
              : undefined) ?? v,
        )
        .join(', ');
    case 'maturity': {
      const label =
        model?.kind === 'maturity' ? model.levels.find((l) => l.level === a.level)?.label[locale] : undefined;
      return label ? `${a.level} ${label}` : String(a.level);
    }
    case 'number':
      return String(a.value);
    case 'text':
    case 'date':
      return a.value;
    case 'file':
      return locale === 'ja' ? `ファイル ${a.files} 件` : `${a.files} file${a.files === 1 ? '' : 's'}`;
  }
}

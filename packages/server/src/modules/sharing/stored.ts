import type { IndicatorType, RedactionCategory } from '@shinrai/core/sharing';

/** The JSON a report row keeps of its redactions and indicators (with where each came from). */
export interface StoredRedaction {
  start: number;
  end: number;
  category: RedactionCategory;
  text: string;
  reason: string;
  source: 'proposed' | 'analyst';
  by: string | null;
  at: string;
}
export interface StoredIndicator {
  type: IndicatorType;
  value: string;
  reason: string;
  source: 'text' | 'reporter' | 'analyst' | 'attachment';
}

import type { Locale } from '../api/types';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** Formats an ISO 8601 UTC timestamp for Japan (Asia/Tokyo) in the UI language. */
export function formatDateTime(iso: string | null | undefined, lang: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = formatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: lang === 'ja' ? '2-digit' : 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      timeZoneName: 'short',
    });
    formatters.set(lang, formatter);
  }
  return formatter.format(date);
}

const dateFormatters = new Map<Locale, Intl.DateTimeFormat>();

/**
 * Formats a calendar date (YYYY-MM-DD, a date in Japan) or an ISO timestamp as a date only, in Asia/Tokyo
 * and the UI language.
 */
export function formatDate(value: string | null | undefined, lang: Locale): string {
  if (!value) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+09:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  let formatter = dateFormatters.get(lang);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: lang === 'ja' ? 'long' : 'short',
      day: 'numeric',
    });
    dateFormatters.set(lang, formatter);
  }
  return formatter.format(date);
}

/** Today's date in Japan as YYYY-MM-DD (due dates and declaration dates are dates in Asia/Tokyo). */
export function todayInTokyo(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

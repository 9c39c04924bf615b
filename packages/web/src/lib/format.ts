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

import { Text, TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { formatDate } from '../lib/format';

/** True for a real calendar date written YYYY-MM-DD (2026-02-29 and 2026-13-01 are not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A YYYY-MM-DD date spelled out in the UI language (2026年9月15日 / Sep 15, 2026), or '' when there is
 * no date to spell (empty, or not a real calendar date).
 */
export function spelledDate(value: string | null | undefined, lang: Locale): string {
  return value && isCalendarDate(value) ? formatDate(value, lang) : '';
}

export type DateFieldProps = Omit<TextInputProps, 'type' | 'value' | 'defaultValue' | 'inputContainer'> & {
  /** The date as YYYY-MM-DD, or '' for none (the browser's date field works with that form only). */
  value: string;
};

/**
 * The browser's date field (YYYY-MM-DD value) with the chosen date spelled out in the UI's language
 * right under it: Chromium draws the field in its own language's order (11/12/2026 in an English browser,
 * whatever the page's lang), so a Japanese reader sees 2026年11月12日 as well. Everything else (label,
 * description, error, required, min/max, aria-*, size, layout props) is the TextInput's; the spelled date
 * sits between the field and its error message, and takes no room while the field is empty.
 */
export function DateField({ value, ...props }: DateFieldProps) {
  const { i18n } = useTranslation();
  const spelled = spelledDate(value, i18n.language === 'en' ? 'en' : 'ja');
  return (
    <TextInput
      {...props}
      type="date"
      value={value}
      inputContainer={(field) => (
        <>
          {field}
          {spelled ? (
            <Text size="xs" c="dimmed" mt={4} data-testid="date-spelled">
              {spelled}
            </Text>
          ) : null}
        </>
      )}
    />
  );
}

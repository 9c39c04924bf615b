import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';

/**
 * The browser's date field (YYYY-MM-DD value) with the chosen date spelled out in the UI's language under
 * it: Chromium draws the field in its own language's order (11/12/2026 in an English browser, whatever the
 * page's lang), so a Japanese reader sees 2026年11月12日 as well.
 */
export function DateField({ value, ...props }: Omit<TextInputProps, 'type' | 'value'> & { value: string }) {
  const { i18n } = useTranslation();
  return (
    <TextInput
      type="date"
      value={value}
      description={
        props.description ??
        (value ? (
          <span data-testid="date-spelled">{formatDate(value, i18n.language === 'en' ? 'en' : 'ja')}</span>
        ) : undefined)
      }
      {...props}
    />
  );
}

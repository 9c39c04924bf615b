import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LOCALES } from '../api/types';
import { changeLanguage, currentLanguage, isLocale } from '../i18n';
import { notifyError } from '../lib/notify';
import { useSession } from '../session/SessionContext';

/** ja/en switch; remembered in localStorage and, when signed in, saved to the account. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const { me } = useSession();

  const onChange = async (value: string) => {
    if (!isLocale(value) || value === currentLanguage()) return;
    await changeLanguage(value);
    if (me) {
      try {
        await api.updateMe({ locale: value });
      } catch (error) {
        notifyError(error);
      }
    }
  };

  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size={size}
      value={currentLanguage()}
      onChange={(value) => void onChange(value)}
      data={LOCALES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
    />
  );
}

// How the feed's ages and schedules read, shared by the feed panel, its form and the advisory notice.
import { parseFeedSchedule } from '@shinrai/core/browser';
import { useTranslation } from 'react-i18next';
import { feedAge, type FeedSource } from '../../../api/advisory-feed';

/** "3 時間前" / "3 h ago", or "never". */
export function useFeedAge() {
  const { t } = useTranslation('software');
  return (s: Pick<FeedSource, 'ageSeconds'>) => {
    if (s.ageSeconds === null) return t('software.feed.never');
    const { unit, n } = feedAge(s.ageSeconds);
    return t(`software.feed.age.${unit}`, { n });
  };
}

/** How a schedule reads: "6 時間ごと", "毎日 04:00（日本時間）". */
export function useScheduleLabel() {
  const { t } = useTranslation('software');
  return (text: string) => {
    const s = parseFeedSchedule(text);
    if (!s) return text;
    return s.kind === 'every'
      ? t('software.feed.scheduleEvery', { n: s.hours })
      : t('software.feed.scheduleDaily', {
          time: `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`,
        });
  };
}

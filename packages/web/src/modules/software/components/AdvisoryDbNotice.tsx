import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { advisoryFeedApi, type FeedStatus } from '../../../api/advisory-feed';
import { softwareApi, type AdvisoryStatus } from '../../../api/software';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../session/SessionContext';
import { useFeedAge } from './feed-labels';
import { formatCount } from './meta';

/** An advisory database this many days old is called stale (OSV changes daily). */
const STALE_DAYS = 7;

/** The newest time any source wrote the database, if any. */
function newestImport(status: AdvisoryStatus): string | null {
  const times = status.sources.map((s) => s.lastImportedAt).sort();
  return times.at(-1) ?? status.lastImport?.finishedAt ?? null;
}

/**
 * What the findings are matched against, said where findings are read: an empty advisory database
 * matches nothing (every release would look clean), so it says so and how to load OSV data; otherwise
 * its size and age, with a warning when it is stale.
 */
export function AdvisoryDbNotice({ orgId }: { orgId: string }) {
  const { t } = useTranslation('software');
  const { me } = useSession();
  const lang = currentLanguage();
  const [status, setStatus] = useState<AdvisoryStatus | null>(null);
  const [feed, setFeed] = useState<FeedStatus | null>(null);
  const age = useFeedAge();

  useEffect(() => {
    // The notice is a hint: if the status cannot be read, the page goes on without it.
    softwareApi.advisoryStatus(orgId).then(setStatus, () => setStatus(null));
    advisoryFeedApi.status(orgId).then(setFeed, () => setFeed(null));
  }, [orgId]);

  if (!status) return null;
  // The scheduled feed, read-only: each enabled source with the age of its data and whether it failed.
  const sources = (feed?.sources ?? []).filter((s) => s.enabled);
  const feedLine =
    sources.length > 0 ? (
      <Text
        size="xs"
        c={sources.some((s) => s.lastResult === 'failed' || s.stale) ? 'orange' : 'dimmed'}
        data-testid="advisory-feed-age"
      >
        {sources
          .map(
            (s) =>
              t('software.feed.notice', { name: s.name, age: age(s) }) +
              (s.lastResult === 'failed' ? ` (${t('software.feed.results.failed')})` : ''),
          )
          .join(' / ')}
      </Text>
    ) : null;
  const link = (
    <Anchor component={Link} to={`/orgs/${orgId}/software/advisories`} size="sm">
      {t('software.advisoryDb.open')}
    </Anchor>
  );
  if (status.total === 0) {
    return (
      <Alert color="yellow" title={t('software.advisoryDb.emptyTitle')} data-testid="advisory-db-empty">
        <Stack gap={4}>
          <Text size="sm">{t('software.advisoryDb.emptyBody')}</Text>
          <Text size="sm">
            {me?.user.isInstanceAdmin
              ? t('software.advisoryDb.howAdmin')
              : t('software.advisoryDb.howOthers')}{' '}
            <Code>npx shinrai advisories import ./osv/npm-all.zip</Code>
          </Text>
          {feedLine}
          {link}
        </Stack>
      </Alert>
    );
  }
  const at = newestImport(status);
  const days = at ? Math.floor((Date.now() - Date.parse(at)) / 86_400_000) : null;
  const stale = days !== null && days >= STALE_DAYS;
  const line = t('software.advisoryDb.summary', {
    n: formatCount(status.total, lang),
    at: at ? formatDateTime(at, lang) : '—',
  });
  return stale ? (
    <Alert color="yellow" title={t('software.advisoryDb.staleTitle', { days })} data-testid="advisory-db-age">
      <Text size="sm">
        {line} {link}
      </Text>
      {feedLine}
    </Alert>
  ) : (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" data-testid="advisory-db-age">
        {line} {link}
      </Text>
      {feedLine}
    </Stack>
  );
}

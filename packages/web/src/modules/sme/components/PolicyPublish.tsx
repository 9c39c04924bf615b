import { Anchor, Button, CopyButton, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmePolicy } from '../../../api/types';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';

/** Publishing the basic policy (or withdrawing it), each after a confirmation; its public address. */
export function PolicyPublish({
  reviewer,
  policy,
  url,
  publishing,
  onPublish,
  onNext,
}: {
  reviewer: boolean;
  policy: SmePolicy;
  url: string | null;
  publishing: boolean;
  onPublish: (published: boolean) => Promise<void>;
  onNext: () => void;
}) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const ask = (published: boolean) =>
    setConfirm(
      published
        ? {
            title: t('sme.policy.confirmPublishTitle'),
            message: t('sme.policy.confirmPublish'),
            confirmLabel: t('sme.policy.confirmPublishButton'),
            color: 'teal',
            onConfirm: () => onPublish(true),
          }
        : {
            title: t('sme.policy.confirmWithdrawTitle'),
            message: t('sme.policy.confirmWithdraw'),
            confirmLabel: t('sme.policy.confirmWithdrawButton'),
            onConfirm: () => onPublish(false),
          },
    );

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('sme.policy.publishTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sme.policy.publishIntro')}
        </Text>
        <Switch
          size="lg"
          color="teal"
          label={t('sme.policy.publish')}
          checked={policy.published}
          disabled={!reviewer || !policy.input || publishing}
          onChange={(event) => ask(event.currentTarget.checked)}
        />
        {!reviewer ? (
          <Text size="xs" c="dimmed">
            {t('sme.policy.publishReviewerOnly')}
          </Text>
        ) : !policy.input ? (
          <Text size="xs" c="dimmed">
            {t('sme.policy.publishNeedsPolicy')}
          </Text>
        ) : null}
        {policy.published && url ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('sme.policy.publicUrl')}
            </Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Anchor
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                style={{ overflowWrap: 'anywhere', minWidth: 0 }}
                data-testid="policy-public-url"
              >
                {url}
              </Anchor>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color={copied ? 'teal' : undefined}
                    onClick={copy}
                    style={{ flexShrink: 0 }}
                  >
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            {policy.publishedAt ? (
              <Text size="xs" c="dimmed">
                {t('sme.policy.publishedAt', { at: formatDateTime(policy.publishedAt, lang) })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {policy.published ? (
          <Button variant="light" onClick={onNext} style={{ alignSelf: 'flex-start' }}>
            {t('sme.policy.toAction')}
          </Button>
        ) : null}
      </Stack>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Paper>
  );
}

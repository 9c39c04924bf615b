import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../i18n';
import { formatDate } from '../../../../lib/format';
import type { StarOffer } from '../api';
import { StarResultView } from './StarResultView';

/**
 * 「★結果を提示」: the supplier's unexpired ★ results, each shown exactly as the buyer will see it; one is
 * attached to the request only after the supplier agrees. Before submission it can be taken back.
 */
export function StarOfferCard({
  offer,
  canAttach,
  onAttach,
  onWithdraw,
}: {
  offer: StarOffer;
  canAttach: boolean;
  onAttach: (starResultId: string) => Promise<void>;
  onWithdraw: () => Promise<void>;
}) {
  const { t } = useTranslation('inbox');
  const lang = currentLanguage();
  const [chosen, setChosen] = useState<string>(offer.items[0]?.id ?? '');
  const [agreed, setAgreed] = useState(false);
  // The rows the buyer sees besides the result itself: the day it was shown and who showed it.
  const shownRows = (at: string, corrected?: string | null) => [
    { label: t('star.shownOn'), value: formatDate(at, lang) },
    ...(corrected ? [{ label: t('star.correctedOn'), value: formatDate(corrected, lang) }] : []),
    { label: t('star.source'), value: t('star.fromSupplier') },
  ];
  if (offer.attached)
    return (
      <Alert color="teal" title={t('star.attachedTitle')}>
        <Stack gap="xs">
          <StarResultView
            star={offer.attached.shown}
            extra={shownRows(offer.attached.attachedAt, offer.attached.correctedAt)}
          />
          {canAttach && offer.withdrawable && (
            <Button
              size="xs"
              variant="default"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => void onWithdraw()}
            >
              {t('star.withdraw')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  if (!canAttach || offer.items.length === 0) return null;
  const item = offer.items.find((i) => i.id === chosen) ?? offer.items[0]!;
  return (
    <Alert color="teal" title={t('star.offerTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('star.offer')}</Text>
        {offer.items.length > 1 && (
          <Radio.Group value={item.id} onChange={setChosen} label={t('star.choose')}>
            <Group gap="md" mt={4}>
              {offer.items.map((i) => (
                <Radio
                  key={i.id}
                  value={i.id}
                  label={`★${i.shown.level} (${formatDate(i.shown.obtainedOn, lang)} – ${formatDate(i.shown.validUntil, lang)})`}
                />
              ))}
            </Group>
          </Radio.Group>
        )}
        <Text size="sm" fw={600}>
          {t('star.preview')}
        </Text>
        <Paper withBorder p="xs" radius="sm" bg="white">
          <StarResultView star={item.shown} extra={shownRows(new Date().toISOString())} />
        </Paper>
        <Checkbox
          checked={agreed}
          onChange={(e) => setAgreed(e.currentTarget.checked)}
          label={t('star.confirm')}
        />
        <Button
          size="sm"
          style={{ alignSelf: 'flex-start' }}
          disabled={!agreed}
          onClick={() => void onAttach(item.id)}
        >
          {t('star.attach')}
        </Button>
      </Stack>
    </Alert>
  );
}

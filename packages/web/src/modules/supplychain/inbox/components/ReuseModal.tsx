import { Alert, Badge, Button, Checkbox, Group, List, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../i18n';
import type { ReuseOffer } from '../api';

interface Props {
  opened: boolean;
  offers: ReuseOffer[];
  onClose: () => void;
  onApply: (offer: ReuseOffer, refs: string[]) => Promise<void>;
}

/**
 * "前回の回答を使う": the respondent sees each source (what, when) and the items it would fill, chooses
 * one and confirms; nothing is copied before the confirmation.
 */
export function ReuseModal({ opened, offers, onClose, onApply }: Props) {
  const { t } = useTranslation('inbox');
  const lang = currentLanguage();
  const [chosen, setChosen] = useState<string>(offers[0] ? `${offers[0].type}:${offers[0].id}` : '');
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const offer = offers.find((o) => `${o.type}:${o.id}` === chosen) ?? offers[0];
  return (
    <Modal opened={opened} onClose={onClose} title={t('reuse.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('reuse.intro')}</Text>
        {offers.length === 0 && <Alert color="gray">{t('reuse.none')}</Alert>}
        <Radio.Group
          value={offer ? `${offer.type}:${offer.id}` : ''}
          onChange={setChosen}
          label={t('reuse.source')}
        >
          <Stack gap={6} mt={6}>
            {offers.map((o) => (
              <Radio
                key={`${o.type}:${o.id}`}
                value={`${o.type}:${o.id}`}
                label={
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" color={o.type === 'request' ? 'indigo' : 'teal'}>
                      {t(`reuse.${o.type}`)}
                    </Badge>
                    <Text size="sm">{o.label}</Text>
                    <Text size="xs" c="dimmed">
                      {t('reuse.date')}: {o.date}
                    </Text>
                  </Group>
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        {offer && (
          <>
            <Text size="sm" fw={600}>
              {t('reuse.items', { count: offer.items.length })}
            </Text>
            {offer.evidence > 0 && <Text size="sm">{t('reuse.evidence', { count: offer.evidence })}</Text>}
            <List size="sm" spacing={2} style={{ maxHeight: 220, overflowY: 'auto' }}>
              {offer.items.map((i) => (
                <List.Item key={i.ref}>
                  {i.ref}. {i.title[lang]}
                </List.Item>
              ))}
            </List>
            <Checkbox
              checked={agreed}
              onChange={(e) => setAgreed(e.currentTarget.checked)}
              label={t('reuse.confirm')}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reuse.cancel')}
          </Button>
          <Button
            disabled={!offer || !agreed}
            loading={busy}
            onClick={() => {
              if (!offer) return;
              setBusy(true);
              void onApply(
                offer,
                offer.items.map((i) => i.ref),
              ).finally(() => setBusy(false));
            }}
          >
            {t('reuse.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Alert, Button, Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../i18n';
import { formatDate } from '../../../../lib/format';
import type { Declaration } from '../api';

/** The supplier's SECURITY ACTION declaration: attached to the request only after it agrees. */
export function DeclarationCard({
  declaration: d,
  canAttach,
  onAttach,
}: {
  declaration: Declaration;
  canAttach: boolean;
  onAttach: () => Promise<void>;
}) {
  const { t } = useTranslation('inbox');
  const lang = currentLanguage();
  const [agreed, setAgreed] = useState(false);
  const level = t(`declaration.${d.level}`);
  if (d.attached)
    return (
      <Text size="sm" c="teal.8" fw={600}>
        {t('declaration.attached', { level, date: formatDate(d.declaredOn, lang) })}
      </Text>
    );
  if (!canAttach) return null;
  return (
    <Alert color="teal" title={t('declaration.title')}>
      <Stack gap="xs">
        <Text size="sm">
          {t('declaration.offer', { level, id: d.declarationId, date: formatDate(d.declaredOn, lang) })}
        </Text>
        <Checkbox
          checked={agreed}
          onChange={(e) => setAgreed(e.currentTarget.checked)}
          label={t('declaration.confirm')}
        />
        <Button
          size="sm"
          style={{ alignSelf: 'flex-start' }}
          disabled={!agreed}
          onClick={() => void onAttach()}
        >
          {t('declaration.attach')}
        </Button>
      </Stack>
    </Alert>
  );
}

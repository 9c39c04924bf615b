import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { supplychainApi, type StarAnswers, type SupplierDetail } from '../api';

const KEYS = ['importantInfo', 'outageDelay', 'networkReach'] as const;

/** The ★3/★4 decision from the scheme's three questions: the rule's level and reason, an override with a note, the history. */
export function StarPanel({
  orgId,
  detail,
  writer,
  onChanged,
}: {
  orgId: string;
  detail: SupplierDetail;
  writer: boolean;
  onChanged: (d: SupplierDetail) => void;
}) {
  const { t } = useTranslation('supplychain');
  const lang = currentLanguage();
  const last = detail.decisions[0];
  const [answers, setAnswers] = useState<StarAnswers>(
    last?.answers ?? { importantInfo: false, outageDelay: false, networkReach: false },
  );
  const computed: 3 | 4 = KEYS.some((k) => answers[k]) ? 4 : 3;
  const [level, setLevel] = useState<'' | '3' | '4'>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decided = level === '' ? computed : (Number(level) as 3 | 4);
  const needsNote = decided !== computed && note.trim() === '';

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await supplychainApi.decideStar(orgId, detail.supplier.id, {
        answers,
        level: decided,
        note: note.trim() || null,
      });
      setLevel('');
      setNote('');
      notifySuccess(t('supplychain.star.decided'));
      onChanged(d);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="star-panel">
      <Stack gap="sm">
        <Text fw={600}>{t('supplychain.star.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('supplychain.star.lead')}
        </Text>
        {KEYS.map((k) => (
          <Checkbox
            key={k}
            label={t(`supplychain.star.q.${k}`)}
            checked={answers[k]}
            disabled={!writer}
            onChange={(e) => setAnswers({ ...answers, [k]: e.currentTarget.checked })}
          />
        ))}
        <Alert
          color={computed === 4 ? 'orange' : 'blue'}
          title={t('supplychain.star.result', { level: computed })}
        >
          {computed === 4 ? t('supplychain.star.reason4') : t('supplychain.star.reason3')}
          {computed === 4 ? (
            <Text size="sm" mt={4}>
              {KEYS.filter((k) => answers[k])
                .map((k) => `・${t(`supplychain.star.q.${k}`)}`)
                .join('\n')}
            </Text>
          ) : null}
        </Alert>
        {writer ? (
          <>
            <NativeSelect
              label={t('supplychain.star.level')}
              value={level === '' ? String(computed) : level}
              onChange={(e) => setLevel(e.currentTarget.value as '3' | '4')}
              data={['3', '4'].map((v) => ({ value: v, label: `★${v}` }))}
            />
            <Textarea
              label={t('supplychain.star.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={needsNote ? t('supplychain.star.noteRequired') : error}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button onClick={() => void submit()} loading={busy} disabled={needsNote}>
                {t('supplychain.star.decide')}
              </Button>
            </Group>
          </>
        ) : null}
        <Text fw={600} size="sm">
          {t('supplychain.star.history')}
        </Text>
        {detail.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supplychain.star.historyEmpty')}
          </Text>
        ) : (
          <DataTable
            label={t('supplychain.star.history')}
            rows={detail.decisions}
            rowKey={(d) => d.id}
            columns={[
              {
                key: 'at',
                header: t('supplychain.star.at'),
                primary: true,
                render: (d) => formatDateTime(d.decidedAt, lang),
              },
              {
                key: 'level',
                header: t('supplychain.star.level'),
                render: (d) => (
                  <Group gap={6}>
                    <Text size="sm">{t('supplychain.star.decidedLevel', { level: d.decidedLevel })}</Text>
                    <Text size="xs" c="dimmed">
                      ({t('supplychain.star.computed', { level: d.computedLevel })})
                    </Text>
                    {d.overridden ? (
                      <Badge size="sm" color="orange" variant="light">
                        {t('supplychain.star.overridden')}
                      </Badge>
                    ) : null}
                  </Group>
                ),
              },
              {
                key: 'note',
                header: t('supplychain.form.notes'),
                render: (d) => <Text size="sm">{d.note ?? ''}</Text>,
              },
            ]}
          />
        )}
        <Text size="xs" c="dimmed">
          {t('supplychain.star.disclaimer')}
        </Text>
      </Stack>
    </Paper>
  );
}

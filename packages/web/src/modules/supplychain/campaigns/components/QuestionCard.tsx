import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../../components/DateField';
import { currentLanguage } from '../../../../i18n';
import { formatDate } from '../../../../lib/format';
import type { FollowUp, RespondItem, RespondValue } from '../api';

interface Props {
  item: RespondItem;
  index: number;
  problem?: string | undefined;
  onSave: (value: RespondValue, followUp: FollowUp) => Promise<void>;
  onUpload: (file: File) => Promise<void>;
  onForward?: (() => void) | undefined;
}

/** One item of the questionnaire, sized for a phone: large choices, the follow-up when the answer asks for it. */
export function QuestionCard({ item, index, problem, onSave, onUpload, onForward }: Props) {
  const { t } = useTranslation('campaigns');
  const lang = currentLanguage();
  const [followUp, setFollowUp] = useState<FollowUp>(item.followUp);
  const [text, setText] = useState(item.value?.kind === 'text' ? item.value.value : '');
  // Shown at once; the saved questionnaire (reloaded after each save) then confirms it.
  const [value, setValue] = useState<RespondValue>(item.value);
  const disabled = !item.editable;
  const save = (v: RespondValue, f: FollowUp = followUp) => {
    setValue(v);
    void onSave(v, f);
  };
  const titleId = `q-${item.ref}`;

  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        {item.group && (
          <Text size="xs" c="dimmed">
            {item.group[lang]}
          </Text>
        )}
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} id={titleId}>
            {index}. {item.title[lang]}
          </Text>
          {item.state === 'returned' && (
            <Badge color="orange" style={{ flexShrink: 0 }}>
              {t('respond.returned')}
            </Badge>
          )}
          {item.state === 'accepted' && (
            <Badge color="teal" style={{ flexShrink: 0 }}>
              {t('respond.accepted')}
            </Badge>
          )}
          {item.state === 'open' && item.value === null && (
            <Badge color="gray" variant="light" style={{ flexShrink: 0 }}>
              {t('respond.unanswered')}
            </Badge>
          )}
        </Group>
        {item.description && (
          <Text size="sm" c="dimmed">
            {item.description[lang]}
          </Text>
        )}
        {item.reusedFrom && (
          <Badge variant="light" color="indigo" style={{ alignSelf: 'flex-start' }}>
            {t('respond.reused', { date: formatDate(item.reusedFrom.date, lang) })}
          </Badge>
        )}
        {item.returnNote && item.state === 'returned' && (
          <Alert color="orange" title={t('respond.returnNote')}>
            {item.returnNote}
          </Alert>
        )}
        {(item.kind === 'single' || item.kind === 'maturity') && (
          <Radio.Group
            aria-labelledby={titleId}
            value={
              value?.kind === 'choice' ? value.value : value?.kind === 'maturity' ? String(value.level) : null
            }
            onChange={(v) =>
              save(
                item.kind === 'single'
                  ? { kind: 'choice', value: v }
                  : { kind: 'maturity', level: Number(v) },
              )
            }
          >
            <Stack gap="xs" mt={4}>
              {item.options.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label[lang]} disabled={disabled} size="md" />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {item.kind === 'multiple' && (
          <Checkbox.Group
            aria-labelledby={titleId}
            value={value?.kind === 'multiple' ? value.values : []}
            onChange={(values) => save({ kind: 'multiple', values })}
          >
            <Stack gap="xs" mt={4}>
              {item.options.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label[lang]} disabled={disabled} size="md" />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {item.kind === 'number' && (
          <NumberInput
            aria-labelledby={titleId}
            disabled={disabled}
            min={item.min ?? undefined}
            max={item.max ?? undefined}
            suffix={item.unit ? ` ${item.unit[lang]}` : undefined}
            defaultValue={item.value?.kind === 'number' ? item.value.value : undefined}
            onBlur={(e) => {
              const n = Number(e.currentTarget.value.replace(/[^\d.-]/g, ''));
              if (e.currentTarget.value.trim() !== '' && Number.isFinite(n))
                save({ kind: 'number', value: n });
            }}
          />
        )}
        {item.kind === 'text' && (
          <Textarea
            aria-labelledby={titleId}
            disabled={disabled}
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onBlur={() => save(text.trim() === '' ? null : { kind: 'text', value: text })}
          />
        )}
        {item.kind === 'date' && (
          <DateField
            aria-labelledby={titleId}
            disabled={disabled}
            min={item.notBefore ?? undefined}
            max={item.notAfter ?? undefined}
            value={value?.kind === 'date' ? value.value : ''}
            onChange={(e) =>
              save(e.currentTarget.value ? { kind: 'date', value: e.currentTarget.value } : null)
            }
            maw={220}
          />
        )}
        {item.kind === 'file' && (
          <Text size="sm" c={item.value?.kind === 'file' ? undefined : 'orange.8'}>
            {t('respond.fileQuestion')}
          </Text>
        )}
        {item.followUpNeeded && (
          <Stack gap="xs" p="sm" bg="yellow.0" style={{ borderRadius: 8 }}>
            <Text size="sm" fw={600}>
              {t('respond.followUpTitle')}
            </Text>
            <Textarea
              label={t('respond.followUpReason')}
              disabled={disabled}
              autosize
              minRows={2}
              value={followUp.reason ?? ''}
              onChange={(e) => setFollowUp({ ...followUp, reason: e.currentTarget.value })}
              onBlur={() =>
                save(value, { ...followUp, reason: followUp.reason?.trim() ? followUp.reason : null })
              }
            />
            <DateField
              label={t('respond.followUpDate')}
              disabled={disabled}
              value={followUp.plannedDate ?? ''}
              onChange={(e) => {
                const next = { ...followUp, plannedDate: e.currentTarget.value || null };
                setFollowUp(next);
                save(value, next);
              }}
            />
          </Stack>
        )}
        {problem && (item.value === null || item.followUpNeeded) && (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('respond.evidence')}
          </Text>
          {item.evidence.map((e) => (
            <Text key={e.id} size="xs" style={{ wordBreak: 'break-all' }}>
              {e.name} ({Math.ceil(e.size / 1024)} KB · SHA-256 {e.sha256.slice(0, 12)}…)
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {t('respond.evidenceHint')}
          </Text>
          <Group gap="xs">
            <FileButton onChange={(f) => f && void onUpload(f)} disabled={disabled}>
              {(props) => (
                <Button {...props} variant="default" size="xs" disabled={disabled}>
                  {t('respond.attach')}
                </Button>
              )}
            </FileButton>
            {onForward && !disabled && (
              <Button variant="subtle" size="xs" onClick={onForward}>
                {t('respond.forwardItem')}
              </Button>
            )}
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}

// Adding or editing a feed source (instance administrators): name, kind, location, ecosystem, schedule.
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { parseFeedSchedule } from '@shinrai/core/browser';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { advisoryFeedApi, type FeedSource } from '../../../api/advisory-feed';
import { errorMessage } from '../../../lib/notify';
import { useScheduleLabel } from './feed-labels';

type ScheduleKind = 'default' | 'every' | 'daily';

export function AdvisoryFeedModal({
  orgId,
  source,
  defaultSchedule,
  onClose,
  onSaved,
}: {
  orgId: string;
  /** null: a new source. */
  source: FeedSource | null;
  defaultSchedule: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('software');
  const scheduleLabel = useScheduleLabel();
  const own = source?.schedule ? parseFeedSchedule(source.schedule) : null;
  const [name, setName] = useState(source?.name ?? '');
  const [kind, setKind] = useState<'http' | 'folder'>(source?.kind ?? 'http');
  const [location, setLocation] = useState(source?.location ?? '');
  const [ecosystem, setEcosystem] = useState(source?.ecosystem ?? '');
  const [enabled, setEnabled] = useState(source?.enabled ?? true);
  const [scheduleKind, setScheduleKind] = useState<ScheduleKind>(own?.kind ?? 'default');
  const [hours, setHours] = useState<number>(own?.kind === 'every' ? own.hours : 6);
  const [time, setTime] = useState(
    own?.kind === 'daily'
      ? `${String(own.hour).padStart(2, '0')}:${String(own.minute).padStart(2, '0')}`
      : '04:00',
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const schedule =
    scheduleKind === 'default' ? null : scheduleKind === 'every' ? `every:${hours}h` : `daily:${time}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      name: name.trim(),
      kind,
      location: location.trim(),
      ecosystem: ecosystem.trim(),
      enabled,
      schedule,
    };
    try {
      if (source) await advisoryFeedApi.update(orgId, source.id, body);
      else await advisoryFeedApi.create(orgId, body);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={source ? t('software.feed.edit') : t('software.feed.add')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('software.feed.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
            data-testid="feed-name"
          />
          <NativeSelect
            label={t('software.feed.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value === 'folder' ? 'folder' : 'http')}
            data={(['http', 'folder'] as const).map((k) => ({
              value: k,
              label: t(`software.feed.kinds.${k}`),
            }))}
          />
          <TextInput
            label={t('software.feed.location')}
            description={
              kind === 'http' ? t('software.feed.locationHintHttp') : t('software.feed.locationHintFolder')
            }
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            required
            data-testid="feed-location"
          />
          <TextInput
            label={t('software.feed.ecosystem')}
            value={ecosystem}
            onChange={(e) => setEcosystem(e.currentTarget.value)}
            placeholder="PyPI"
            required
            data-testid="feed-ecosystem"
          />
          <NativeSelect
            label={t('software.feed.schedule')}
            value={scheduleKind}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setScheduleKind(v === 'every' || v === 'daily' ? v : 'default');
            }}
            data={[
              {
                value: 'default',
                label: t('software.feed.scheduleDefault', { schedule: scheduleLabel(defaultSchedule) }),
              },
              { value: 'every', label: t('software.feed.scheduleKinds.every') },
              { value: 'daily', label: t('software.feed.scheduleKinds.daily') },
            ]}
          />
          {scheduleKind === 'every' ? (
            <NumberInput
              label={t('software.feed.hours')}
              value={hours}
              min={1}
              max={168}
              onChange={(v) => setHours(typeof v === 'number' ? v : Number(v) || 1)}
            />
          ) : null}
          {scheduleKind === 'daily' ? (
            <TextInput
              type="time"
              label={t('software.feed.time')}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
            />
          ) : null}
          <Switch
            label={t('software.feed.enabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          {error ? (
            <Text size="sm" c="red" role="alert" data-testid="feed-error">
              {error}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('software.feed.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="feed-save">
              {t('software.feed.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import {
  DIRECTIVE_REFS,
  GOVERNANCE_ACTION_STATUSES,
  type DirectiveRef,
  type GovernanceAction,
  type GovernanceActionInput,
  type GovernanceActionStatus,
  type LocalText,
  type Member,
} from '../../../api/types';
import { DateField } from '../../../components/DateField';
import { currentLanguage } from '../../../i18n';
import { tx } from '../../../lib/catalog';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { formatDate } from '../../../lib/format';
import { directiveNumber, sortActions } from '../lib/governance';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { PlusIcon } from '../../../components/icons';

const STATUS_COLOR: Record<GovernanceActionStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'teal',
  cancelled: 'dark',
};

interface FormValues {
  directive: DirectiveRef;
  title: string;
  ownerId: string | null;
  dueDate: string;
  status: GovernanceActionStatus;
  kpiText: string;
  kpiTarget: number | string;
  kpiCurrent: number | string;
}

type FormErrors = Partial<Record<'title' | 'ownerId' | 'dueDate' | 'kpiText', string>>;

const numberOrNull = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function ActionModal({
  orgId,
  opened,
  action,
  members,
  titles,
  defaultOwner,
  onClose,
  onSaved,
}: {
  orgId: string;
  opened: boolean;
  action: GovernanceAction | null;
  members: Member[];
  titles: Map<DirectiveRef, LocalText>;
  defaultOwner: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('governance');
  const lang = currentLanguage();
  const initial = (): FormValues =>
    action
      ? {
          directive: action.directive,
          title: action.title,
          ownerId: action.owner.id,
          dueDate: action.dueDate,
          status: action.status,
          kpiText: action.kpi?.text ?? '',
          kpiTarget: action.kpi?.target ?? '',
          kpiCurrent: action.kpi?.current ?? '',
        }
      : {
          directive: 'directive-1',
          title: '',
          ownerId: defaultOwner,
          dueDate: '',
          status: 'planned',
          kpiText: '',
          kpiTarget: '',
          kpiCurrent: '',
        };
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    if (!values.title.trim()) found.title = t('validation.required');
    if (!values.ownerId) found.ownerId = t('validation.required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate)) found.dueDate = t('validation.required');
    const kpiGiven = values.kpiTarget !== '' || values.kpiCurrent !== '';
    if (kpiGiven && !values.kpiText.trim()) found.kpiText = t('governance.actions.kpiTextNeeded');
    setErrors(found);
    if (Object.keys(found).length > 0 || !values.ownerId) return;
    const body: GovernanceActionInput = {
      directive: values.directive,
      title: values.title.trim(),
      ownerId: values.ownerId,
      dueDate: values.dueDate,
      status: values.status,
      kpi: values.kpiText.trim()
        ? {
            text: values.kpiText.trim(),
            target: numberOrNull(values.kpiTarget),
            current: numberOrNull(values.kpiCurrent),
          }
        : null,
    };
    setBusy(true);
    try {
      if (action) await api.updateGovernanceAction(orgId, action.id, body);
      else await api.createGovernanceAction(orgId, body);
      notifySuccess(action ? t('governance.actions.updated') : t('governance.actions.created'));
      onSaved();
    } catch (error) {
      notifyError(error);
      setErrors(
        serverFieldErrors(error, {
          '/title': 'title',
          '/ownerId': 'ownerId',
          '/dueDate': 'dueDate',
          '/kpi/text': 'kpiText',
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={action ? t('governance.actions.editTitle') : t('governance.actions.newTitle')}
      size="lg"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Select
            label={t('governance.actions.directive')}
            data={DIRECTIVE_REFS.map((r) => ({
              value: r,
              label: titles.get(r)
                ? tx(titles.get(r), lang)
                : t('governance.directiveShort', { n: directiveNumber(r) }),
            }))}
            value={values.directive}
            onChange={(v) => v && set('directive', v)}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('governance.actions.title')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            maxLength={200}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('governance.actions.owner')}
              data={members.map((m) => ({ value: m.user.id, label: m.user.displayName || m.user.email }))}
              value={values.ownerId}
              onChange={(v) => set('ownerId', v)}
              error={errors.ownerId}
              searchable={members.length > 7}
              required
              comboboxProps={{ withinPortal: true }}
            />
            <DateField
              label={t('governance.actions.due')}
              value={values.dueDate}
              onChange={(e) => set('dueDate', e.currentTarget.value)}
              error={errors.dueDate}
              required
            />
            <Select
              label={t('governance.actions.status')}
              data={GOVERNANCE_ACTION_STATUSES.map((s) => ({
                value: s,
                label: t(`governance.actions.statuses.${s}`),
              }))}
              value={values.status}
              onChange={(v) => v && set('status', v)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <TextInput
            label={t('governance.actions.kpi')}
            description={t('governance.actions.kpiHint')}
            value={values.kpiText}
            onChange={(e) => set('kpiText', e.currentTarget.value)}
            error={errors.kpiText}
            maxLength={500}
          />
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput
              label={t('governance.actions.kpiCurrent')}
              value={values.kpiCurrent}
              onChange={(v) => set('kpiCurrent', v)}
            />
            <NumberInput
              label={t('governance.actions.kpiTarget')}
              value={values.kpiTarget}
              onChange={(v) => set('kpiTarget', v)}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {action ? t('common.save') : t('governance.actions.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** PDCA action items per directive: owner, due date, status and KPI; overdue ones stand out. */
export function ActionPlan({
  orgId,
  actions,
  members,
  titles,
  writer,
  reviewer,
  currentUserId,
  onChanged,
}: {
  orgId: string;
  actions: GovernanceAction[];
  members: Member[];
  titles: Map<DirectiveRef, LocalText>;
  writer: boolean;
  reviewer: boolean;
  currentUserId: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation('governance');
  const lang = currentLanguage();
  const [editing, setEditing] = useState<GovernanceAction | 'new' | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const rows = sortActions(actions);
  const overdue = actions.filter((a) => a.overdue).length;

  const columns: Column<GovernanceAction>[] = [
    {
      key: 'title',
      header: t('governance.actions.title'),
      primary: true,
      render: (a) => (
        <Stack gap={2}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600} td={a.status === 'cancelled' ? 'line-through' : undefined}>
              {a.title}
            </Text>
            {a.overdue ? (
              <Badge color="red" variant="filled" size="sm" tt="none">
                {t('governance.actions.overdue')}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {titles.get(a.directive)
              ? tx(titles.get(a.directive), lang)
              : t('governance.directiveShort', { n: directiveNumber(a.directive) })}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'owner',
      header: t('governance.actions.owner'),
      render: (a) => a.owner.displayName ?? '—',
    },
    {
      key: 'due',
      header: t('governance.actions.due'),
      nowrap: true,
      render: (a) => (
        <Text size="sm" c={a.overdue ? 'red.7' : undefined} fw={a.overdue ? 700 : undefined}>
          {formatDate(a.dueDate, lang)}
        </Text>
      ),
    },
    {
      key: 'status',
      header: t('governance.actions.status'),
      nowrap: true,
      render: (a) => (
        <Badge variant="light" color={STATUS_COLOR[a.status]} tt="none" style={{ minWidth: 'max-content' }}>
          {t(`governance.actions.statuses.${a.status}`)}
        </Badge>
      ),
    },
    {
      key: 'kpi',
      header: t('governance.actions.kpi'),
      render: (a) =>
        a.kpi ? (
          <Text size="sm">
            {a.kpi.text}
            {a.kpi.current !== null || a.kpi.target !== null
              ? t('governance.actions.kpiProgress', {
                  current: a.kpi.current ?? '—',
                  target: a.kpi.target ?? '—',
                })
              : ''}
          </Text>
        ) : (
          '—'
        ),
    },
    ...(writer
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            actions: true,
            nowrap: true,
            render: (a: GovernanceAction) => (
              <Group gap={6} wrap="nowrap">
                <Button size="xs" variant="light" onClick={() => setEditing(a)}>
                  {t('governance.actions.edit')}
                </Button>
                {reviewer ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      setConfirm({
                        title: t('governance.actions.deleteTitle'),
                        message: t('governance.actions.deleteConfirm', { title: a.title }),
                        confirmLabel: t('governance.actions.delete'),
                        onConfirm: async () => {
                          await api.deleteGovernanceAction(orgId, a.id);
                          notifySuccess(t('governance.actions.deleted'));
                          onChanged();
                        },
                      })
                    }
                  >
                    {t('governance.actions.delete')}
                  </Button>
                ) : null}
              </Group>
            ),
          },
        ]
      : []),
  ];

  const remind = async () => {
    try {
      await api.governanceReminders(orgId);
      notifySuccess(t('governance.actions.remindStarted'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Stack gap={0}>
            <Title order={2} size="h4">
              {t('governance.actions.heading')}
            </Title>
            <Text size="sm" c={overdue ? 'red.7' : 'dimmed'}>
              {t('governance.actions.summary', { count: actions.length, overdue })}
            </Text>
          </Stack>
          <Group gap="xs">
            {reviewer && overdue > 0 ? (
              <Button variant="subtle" size="sm" onClick={() => void remind()}>
                {t('governance.actions.remind')}
              </Button>
            ) : null}
            {writer ? (
              <Button leftSection={<PlusIcon />} onClick={() => setEditing('new')}>
                {t('governance.actions.add')}
              </Button>
            ) : null}
          </Group>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('governance.actions.empty')}
          </Text>
        ) : (
          <DataTable
            columns={columns}
            rows={rows}
            rowKey={(a) => a.id}
            label={t('governance.actions.heading')}
          />
        )}
      </Stack>
      {editing !== null ? (
        <ActionModal
          key={editing === 'new' ? 'new' : editing.id}
          orgId={orgId}
          opened
          action={editing === 'new' ? null : editing}
          members={members}
          titles={titles}
          defaultOwner={members.some((m) => m.user.id === currentUserId) ? currentUserId : null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Paper>
  );
}

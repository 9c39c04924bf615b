import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, roleWithin, ROLES, type Role } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { ApiToken } from '../../../api/types';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable, type Column } from '../../../components/DataTable';
import { LoadMore } from '../../../components/LoadMore';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { RoleBadge } from '../../../components/RoleBadge';
import { StatusBadge } from '../../../components/StatusBadge';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { usePaged } from '../../../lib/usePaged';

const isRole = (value: string | null): value is Role => (ROLES as readonly (string | null)[]).includes(value);

function tokenState(token: ApiToken): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

export function TokensPage() {
  const { t } = useTranslation('platform');
  const { orgId, role: myRole } = useOrg();
  const list = usePaged<ApiToken>(orgId, (cursor) => api.tokens(orgId, cursor));
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [days, setDays] = useState<number | string>(90);
  const [errors, setErrors] = useState<{ name?: string; days?: string }>({});
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const manage = can(myRole, 'tokens.manage');
  const lang = currentLanguage();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const expiresInDays = typeof days === 'number' ? days : Number(days);
    if (!name.trim()) found.name = t('validation.required');
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 365) {
      found.days = t('validation.days');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const result = await api.createToken(orgId, { name: name.trim(), role, expiresInDays });
      list.setItems((items) => [result.token, ...items.filter((i) => i.id !== result.token.id)]);
      setSecret({ name: result.token.name, secret: result.secret });
      setName('');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const askRevoke = (token: ApiToken) =>
    setConfirm({
      title: t('tokens.revokeTitle'),
      message: t('tokens.revokeConfirm', { name: token.name }),
      confirmLabel: t('tokens.revoke'),
      onConfirm: async () => {
        await api.revokeToken(orgId, token.id);
        const now = new Date().toISOString();
        list.setItems((items) => items.map((i) => (i.id === token.id ? { ...i, revokedAt: now } : i)));
        notifySuccess(t('tokens.revoked'));
      },
    });

  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : t('common.never'));
  const columns: Column<ApiToken>[] = [
    {
      key: 'name',
      header: t('tokens.name'),
      primary: true,
      render: (token) => (
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
      ),
    },
    { key: 'role', header: t('common.role'), render: (token) => <RoleBadge role={token.role} /> },
    { key: 'prefix', header: t('tokens.prefix'), render: (token) => <Code>{token.prefix}</Code> },
    {
      key: 'status',
      header: t('common.status'),
      render: (token) => {
        const state = tokenState(token);
        return (
          <StatusBadge tone={state === 'active' ? 'ok' : 'muted'}>
            {t(`tokens.statuses.${state}`)}
          </StatusBadge>
        );
      },
    },
    {
      key: 'expires',
      header: t('common.expiresAt'),
      nowrap: true,
      render: (token) => <Text size="sm">{when(token.expiresAt)}</Text>,
    },
    {
      key: 'used',
      header: t('tokens.lastUsedAt'),
      nowrap: true,
      render: (token) => <Text size="sm">{when(token.lastUsedAt)}</Text>,
    },
    {
      key: 'created',
      header: t('common.createdAt'),
      nowrap: true,
      render: (token) => <Text size="sm">{when(token.createdAt)}</Text>,
    },
  ];
  if (manage) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      actions: true,
      render: (token) =>
        tokenState(token) === 'active' ? (
          <Button
            size="xs"
            color="red"
            variant="light"
            aria-label={t('tokens.revokeLabel', { name: token.name })}
            onClick={() => askRevoke(token)}
          >
            {t('tokens.revoke')}
          </Button>
        ) : null,
    });
  }

  return (
    <Stack>
      <PageHeader title={t('tokens.title')} description={t('tokens.intro')} />
      {manage ? (
        <Paper withBorder p="md">
          <form onSubmit={(event) => void create(event)} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('tokens.formTitle')}
              </Title>
              <Group align="flex-start" wrap="wrap" gap="sm">
                <TextInput
                  label={t('tokens.name')}
                  placeholder={t('tokens.namePlaceholder')}
                  required
                  value={name}
                  error={errors.name}
                  onChange={(event) => setName(event.currentTarget.value)}
                  autoComplete="off"
                  style={{ flex: '1 1 240px' }}
                />
                <Select
                  label={t('tokens.role')}
                  required
                  allowDeselect={false}
                  data={ROLES.filter((r) => roleWithin(myRole, r)).map((r) => ({
                    value: r,
                    label: t(`roles.${r}`),
                  }))}
                  value={role}
                  onChange={(value) => {
                    if (isRole(value)) setRole(value);
                  }}
                  style={{ flex: '0 1 180px' }}
                />
                <NumberInput
                  label={t('tokens.expiresInDays')}
                  required
                  min={1}
                  max={365}
                  clampBehavior="strict"
                  allowDecimal={false}
                  allowNegative={false}
                  value={days}
                  error={errors.days}
                  onChange={setDays}
                  style={{ flex: '0 1 150px' }}
                />
              </Group>
              <Group>
                <Button type="submit" loading={busy}>
                  {t('tokens.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
      <DataTable label={t('tokens.title')} columns={columns} rows={list.items} rowKey={(token) => token.id} />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        empty={list.items.length === 0}
        onLoadMore={list.loadMore}
      />

      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={t('tokens.secretTitle')}
        size="lg"
        closeOnClickOutside={false}
      >
        {secret ? (
          <Stack>
            <Alert color="yellow" role="alert">
              {t('tokens.secretWarning')}
            </Alert>
            <Text size="sm" fw={500}>
              {secret.name}
            </Text>
            <TextInput
              label={t('tokens.secretLabel')}
              value={secret.secret}
              readOnly
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              onFocus={(event) => event.currentTarget.select()}
            />
            <Group justify="space-between">
              <CopyButton value={secret.secret}>
                {({ copied, copy }) => (
                  <Button color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? t('common.copied') : t('tokens.copySecret')}
                  </Button>
                )}
              </CopyButton>
              <Button variant="default" onClick={() => setSecret(null)}>
                {t('common.close')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Stack>
  );
}

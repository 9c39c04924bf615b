import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { can } from '@shinrai/core/browser';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog, type ConfirmRequest } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { useOrg } from '../../../components/OrgContext';
import { PageHeader } from '../../../components/PageHeader';
import { currentLanguage } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { errorMessage, notifyError, notifySuccess } from '../../../lib/notify';
import { supplychainApi, type SupplierDetail } from '../api';
import { CriticalityBadge, StarCell, StatusCell, SuppliesText } from '../components/meta';
import { StarPanel } from '../components/StarPanel';
import { SupplierModal } from '../components/SupplierModal';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** One supplier: details, contacts, ★3/★4 decision with history, the records under it, its link on Shinrai. */
export function SupplierPage() {
  const { t } = useTranslation('supplychain');
  const { orgId, role } = useOrg();
  const { supplierId = '' } = useParams();
  const navigate = useNavigate();
  const lang = currentLanguage();
  const writer = can(role, 'supplychain.write');
  const [detail, setDetail] = useState<SupplierDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState(false);
  const [addingChild, setAddingChild] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contactError, setContactError] = useState<string | null>(null);

  const load = useCallback(() => {
    supplychainApi.get(orgId, supplierId).then(setDetail, (e: unknown) => {
      notifyError(e);
      setFailed(true);
    });
  }, [orgId, supplierId]);
  useEffect(load, [load]);

  if (failed) return <Alert color="red">{t('supplychain.loadFailed')}</Alert>;
  if (!detail) return <FullPageLoader />;
  const s = detail.supplier;

  const addContact = async () => {
    setContactError(null);
    try {
      setDetail(
        await supplychainApi.addContact(orgId, s.id, {
          name: contactName.trim() || contactEmail.trim(),
          email: contactEmail.trim(),
        }),
      );
      setContactName('');
      setContactEmail('');
    } catch (e) {
      setContactError(errorMessage(e));
    }
  };

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/orgs/${orgId}/suppliers`} size="sm">
        ← {t('supplychain.detail.back')}
      </Anchor>
      <PageHeader title={s.name} description={s.nameKana ?? undefined} />
      {writer ? (
        <Group gap="sm">
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('supplychain.detail.edit')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            onClick={() =>
              setConfirm({
                title: t('supplychain.detail.delete'),
                message: t('supplychain.detail.deleteConfirm'),
                confirmLabel: t('supplychain.detail.delete'),
                onConfirm: async () => {
                  await supplychainApi.remove(orgId, s.id);
                  notifySuccess(t('supplychain.detail.deleted'));
                  void navigate(`/orgs/${orgId}/suppliers`);
                },
              })
            }
          >
            {t('supplychain.detail.delete')}
          </Button>
        </Group>
      ) : null}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Field label={t('supplychain.col.corporateNumber')}>{s.corporateNumber ?? '—'}</Field>
          <Field label={t('supplychain.col.tier')}>{t('supplychain.tierN', { tier: s.tier })}</Field>
          <Field label={t('supplychain.col.criticality')}>
            <CriticalityBadge value={s.criticality} />
          </Field>
          <Field label={t('supplychain.col.supplies')}>
            <SuppliesText supplies={s.supplies} />
          </Field>
          <Field label={t('supplychain.col.star')}>
            <StarCell s={s} detail />
          </Field>
          <Field label={t('supplychain.col.status')}>
            <StatusCell since={s.statusKnownSince} />
          </Field>
          <Field label={t('supplychain.col.contract')}>
            {formatDate(s.contractStart, lang) || '—'} 〜 {formatDate(s.contractEnd, lang) || '—'}
          </Field>
          <Field label={t('supplychain.detail.linked')}>
            {s.linkedOrg ? s.linkedOrg.name : t('supplychain.detail.linkedNone')}
          </Field>
        </SimpleGrid>
        {s.notes ? (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.notes}
          </Text>
        ) : null}
        {s.linkedOrg ? (
          <Text size="sm" mt="sm" c="dimmed">
            {detail.registryShared
              ? t('supplychain.detail.registryShared')
              : t('supplychain.detail.registryNotShared')}{' '}
            {t('supplychain.detail.sbomNote')}
          </Text>
        ) : null}
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text fw={600}>{t('supplychain.detail.contacts')}</Text>
          {detail.contacts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('supplychain.detail.contactsEmpty')}
            </Text>
          ) : (
            <DataTable
              label={t('supplychain.detail.contacts')}
              rows={detail.contacts}
              rowKey={(c) => c.id}
              columns={[
                {
                  key: 'name',
                  header: t('supplychain.form.contactName'),
                  primary: true,
                  render: (c) => `${c.name}${c.primary ? ` (${t('supplychain.detail.primary')})` : ''}`,
                },
                { key: 'email', header: t('supplychain.form.contactEmail'), render: (c) => c.email },
                ...(writer
                  ? [
                      {
                        key: 'remove',
                        header: '',
                        actions: true,
                        render: (c: SupplierDetail['contacts'][number]) => (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() =>
                              void supplychainApi
                                .removeContact(orgId, s.id, c.id)
                                .then(setDetail, notifyError)
                            }
                          >
                            {t('supplychain.detail.removeContact')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
          {writer ? (
            <Group align="end" gap="sm" wrap="wrap">
              <TextInput
                label={t('supplychain.form.contactName')}
                value={contactName}
                onChange={(e) => setContactName(e.currentTarget.value)}
              />
              <TextInput
                type="email"
                label={t('supplychain.form.contactEmail')}
                value={contactEmail}
                onChange={(e) => setContactEmail(e.currentTarget.value)}
                error={contactError}
              />
              <Button variant="light" onClick={() => void addContact()} disabled={!contactEmail.trim()}>
                {t('supplychain.detail.addContact')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      <StarPanel
        key={detail.decisions[0]?.id ?? 'none'}
        orgId={orgId}
        detail={detail}
        writer={writer}
        onChanged={setDetail}
      />

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text fw={600}>{t('supplychain.detail.children')}</Text>
          {detail.children.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('supplychain.detail.childrenEmpty')}
            </Text>
          ) : (
            <Stack gap={4}>
              {detail.children.map((c) => (
                <Anchor key={c.id} component={Link} to={`/orgs/${orgId}/suppliers/${c.id}`} size="sm">
                  {c.name} {c.corporateNumber ? `(${c.corporateNumber})` : ''}
                </Anchor>
              ))}
            </Stack>
          )}
          {writer ? (
            <Group>
              <Button variant="light" size="xs" onClick={() => setAddingChild(true)}>
                {t('supplychain.detail.addChild')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>

      <SupplierModal
        orgId={orgId}
        opened={editing}
        editing={s}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          notifySuccess(t('supplychain.form.saved'));
          load();
        }}
      />
      <SupplierModal
        orgId={orgId}
        opened={addingChild}
        parentSupplierId={s.id}
        onClose={() => setAddingChild(false)}
        onSaved={(_id, merged) => {
          setAddingChild(false);
          notifySuccess(merged ? t('supplychain.form.merged') : t('supplychain.form.created'));
          load();
        }}
      />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </Stack>
  );
}

import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { Organization } from '../../../api/types';
import { useOrg } from '../../../components/OrgContext';
import {
  OrgFields,
  orgErrorFields,
  orgFormFrom,
  orgPatchInput,
  validateOrgForm,
  type OrgFormErrors,
  type OrgFormValues,
} from '../../../components/OrgFields';
import { PageHeader } from '../../../components/PageHeader';
import { SmeSummaryCard } from '../../sme/public';
import { currentLanguage } from '../../../i18n';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useSession } from '../../../session/SessionContext';

export function OverviewPage() {
  const { t } = useTranslation('platform');
  const { orgId, role } = useOrg();
  const { refresh } = useSession();
  const [organization, setOrganization] = useState<Organization | null>(null);
  const [values, setValues] = useState<OrgFormValues | null>(null);
  const [errors, setErrors] = useState<OrgFormErrors>({});
  const [busy, setBusy] = useState(false);
  const editable = can(role, 'org.update');

  useEffect(() => {
    let active = true;
    setOrganization(null);
    setValues(null);
    api
      .organization(orgId)
      .then(({ organization: org }) => {
        if (!active) return;
        setOrganization(org);
        setValues(orgFormFrom(org));
      })
      .catch(notifyError);
    return () => {
      active = false;
    };
  }, [orgId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!values) return;
    const found = validateOrgForm(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { organization: org } = await api.updateOrganization(orgId, orgPatchInput(values));
      setOrganization(org);
      setValues(orgFormFrom(org));
      notifySuccess(t('common.saved'));
      await refresh();
    } catch (error) {
      notifyError(error);
      setErrors(serverFieldErrors(error, orgErrorFields()));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={760}>
      <PageHeader title={t('overview.title')} />
      {organization && values ? (
        <>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('overview.yourRole')}
                </Text>
                <Badge variant="light">{t(`roles.${role}`)}</Badge>
              </Group>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" c="dimmed">
                  {t('orgFields.slug')}
                </Text>
                <Code fz="sm">{organization.slug}</Code>
                <CopyButton value={organization.slug}>
                  {({ copied, copy }) => (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color={copied ? 'teal' : undefined}
                      onClick={copy}
                    >
                      {copied ? t('common.copied') : t('common.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" c="dimmed">
                {t('orgFields.slugHint')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('orgFields.createdAt')}: {formatDateTime(organization.createdAt, currentLanguage())}
              </Text>
            </Stack>
          </Paper>
          <SmeSummaryCard orgId={orgId} />
          <Paper withBorder p="md">
            <form onSubmit={(event) => void save(event)} noValidate>
              <Stack>
                {!editable ? (
                  <Alert color="gray" variant="light">
                    {t('overview.readOnly')}
                  </Alert>
                ) : null}
                <OrgFields values={values} errors={errors} onChange={setValues} readOnly={!editable} />
                {editable ? (
                  <Group justify="flex-end">
                    <Button type="submit" loading={busy}>
                      {t('common.save')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </form>
          </Paper>
        </>
      ) : (
        <Stack>
          <Skeleton h={120} />
          <Skeleton h={320} />
        </Stack>
      )}
    </Stack>
  );
}

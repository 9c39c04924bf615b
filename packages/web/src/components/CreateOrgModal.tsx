import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { notifyError, notifySuccess } from '../lib/notify';
import { useSession } from '../session/SessionContext';
import { serverFieldErrors } from '../lib/fieldErrors';
import {
  OrgFields,
  emptyOrgForm,
  orgCreateInput,
  orgErrorFields,
  validateOrgForm,
  type OrgFormErrors,
} from './OrgFields';

export function CreateOrgModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [values, setValues] = useState(emptyOrgForm);
  const [errors, setErrors] = useState<OrgFormErrors>({});
  const [busy, setBusy] = useState(false);

  const close = () => {
    setValues(emptyOrgForm());
    setErrors({});
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateOrgForm(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { organization } = await api.createOrganization(orgCreateInput(values));
      await refresh();
      notifySuccess(t('createOrg.created', { name: organization.name }));
      close();
      void navigate(`/orgs/${organization.id}/overview`);
    } catch (error) {
      notifyError(error);
      setErrors(serverFieldErrors(error, orgErrorFields()));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('createOrg.title')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('createOrg.description')}
          </Text>
          <OrgFields values={values} errors={errors} onChange={setValues} showSlug />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('createOrg.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

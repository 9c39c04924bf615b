import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import { AuthLayout } from '../../../components/AuthLayout';
import { FullPageLoader } from '../../../components/FullPageLoader';
import {
  OrgFields,
  emptyOrgForm,
  orgCreateInput,
  orgErrorFields,
  validateOrgForm,
  type OrgFormErrors,
} from '../../../components/OrgFields';
import { currentLanguage } from '../../../i18n';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { EMAIL_RE } from '../../../lib/validate';
import { useSession } from '../../../session/SessionContext';

interface AdminErrors {
  setupCode?: string;
  email?: string;
  displayName?: string;
  password?: string;
  passwordConfirm?: string;
}

export function SetupPage() {
  const { t } = useTranslation('platform');
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [needsSetup, setNeedsSetup] = useState<boolean | undefined>(undefined);
  const [setupCode, setSetupCode] = useState('');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const [org, setOrg] = useState(emptyOrgForm);
  const [errors, setErrors] = useState<AdminErrors>({});
  const [orgErrors, setOrgErrors] = useState<OrgFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let active = true;
    api
      .setupStatus()
      .then((status) => {
        if (active) setNeedsSetup(status.needsSetup);
      })
      .catch((error: unknown) => {
        if (!active) return;
        setServerError(errorMessage(error));
        setNeedsSetup(true);
      });
    return () => {
      active = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: AdminErrors = {};
    if (!setupCode.trim()) found.setupCode = t('validation.required');
    if (!EMAIL_RE.test(email.trim())) found.email = t('validation.email');
    if (!displayName.trim()) found.displayName = t('validation.required');
    if (password.length < MIN_PASSWORD_LENGTH) found.password = t('validation.passwordLength');
    if (password !== passwordConfirm) found.passwordConfirm = t('validation.passwordMismatch');
    const foundOrg = validateOrgForm(org, t);
    setErrors(found);
    setOrgErrors(foundOrg);
    if (Object.keys(found).length > 0 || Object.keys(foundOrg).length > 0) return;

    setBusy(true);
    setServerError(null);
    try {
      await api.setup({
        setupCode: setupCode.trim(),
        email: email.trim(),
        displayName: displayName.trim(),
        password,
        locale: currentLanguage(),
        organization: orgCreateInput(org),
      });
      const me = await refresh();
      notifySuccess(t('setup.done'));
      const first = me?.memberships[0];
      void navigate(first ? `/orgs/${first.organization.id}/overview` : '/', { replace: true });
    } catch (error) {
      setServerError(errorMessage(error));
      setErrors(
        serverFieldErrors<keyof AdminErrors>(error, {
          setup_code_invalid: 'setupCode',
          email_taken: 'email',
          weak_password: 'password',
          '/setupCode': 'setupCode',
          '/email': 'email',
          '/displayName': 'displayName',
          '/password': 'password',
        }),
      );
      setOrgErrors(serverFieldErrors(error, orgErrorFields('/organization')));
    } finally {
      setBusy(false);
    }
  };

  if (needsSetup === undefined) return <FullPageLoader />;
  if (!needsSetup) return <Navigate to="/login" replace state={{ setupDone: true }} />;

  return (
    <AuthLayout title={t('setup.title')} size={640}>
      <Text>{t('setup.intro')}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {serverError ? (
            <Alert color="red" title={t('common.errorTitle')} role="alert">
              {serverError}
            </Alert>
          ) : null}
          <TextInput
            label={t('setup.setupCode')}
            description={t('setup.setupCodeHint')}
            required
            value={setupCode}
            error={errors.setupCode}
            onChange={(event) => setSetupCode(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />

          <Divider my="xs" />
          <Title order={2} size="h4">
            {t('setup.adminSection')}
          </Title>
          <TextInput
            label={t('setup.email')}
            type="email"
            required
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            autoComplete="email"
          />
          <TextInput
            label={t('setup.displayName')}
            required
            value={displayName}
            error={errors.displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            autoComplete="name"
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            required
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            autoComplete="new-password"
          />
          <PasswordInput
            label={t('setup.passwordConfirm')}
            required
            value={passwordConfirm}
            error={errors.passwordConfirm}
            onChange={(event) => setPasswordConfirm(event.currentTarget.value)}
            autoComplete="new-password"
          />

          <Divider my="xs" />
          <Title order={2} size="h4">
            {t('setup.orgSection')}
          </Title>
          <OrgFields values={org} errors={orgErrors} onChange={setOrg} showSlug />

          <Button type="submit" loading={busy} size="md" mt="sm">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import { AuthLayout } from '../../../components/AuthLayout';
import { FullPageLoader } from '../../../components/FullPageLoader';
import {
  emptyOrgForm,
  orgCreateInput,
  orgErrorFields,
  OrgFields,
  validateOrgForm,
  type OrgFormErrors,
  type OrgFormValues,
} from '../../../components/OrgFields';
import { currentLanguage } from '../../../i18n';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { formatDateTime } from '../../../lib/format';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSession } from '../../../session/SessionContext';
import { NewAccountFields } from '../components/NewAccountFields';

type Preview = Awaited<ReturnType<typeof api.orgInvitation>>;

/**
 * /org-invite/:token — a company invited to a relationship before it was on Shinrai: it creates its
 * account (unless one exists for the address) and its organization; the request then waits for its answer.
 */
export function OrgInvitePage() {
  const { t } = useTranslation('platform');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { me, refresh } = useSession();
  const [invitation, setInvitation] = useState<Preview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [org, setOrg] = useState<OrgFormValues>(() => ({ ...emptyOrgForm(), kind: 'supplier' }));
  const [errors, setErrors] = useState<{ displayName?: string; password?: string }>({});
  const [orgErrors, setOrgErrors] = useState<OrgFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = currentLanguage();

  useEffect(() => {
    let active = true;
    api.orgInvitation(token).then(
      (value) => {
        if (!active) return;
        setInvitation(value);
        setOrg((o) => ({ ...o, name: o.name || value.companyName }));
      },
      (error: unknown) => active && setLoadError(errorMessage(error)),
    );
    return () => {
      active = false;
    };
  }, [token]);

  if (loadError) {
    return (
      <AuthLayout title={t('orgInvite.title')}>
        <Alert color="red" title={t('orgInvite.invalid')} role="alert">
          {loadError}
        </Alert>
        <Button component={Link} to="/" variant="default">
          {t('app.home')}
        </Button>
      </AuthLayout>
    );
  }
  if (!invitation || me === undefined) return <FullPageLoader />;

  const needsAccount = !invitation.accountExists;
  const signedInAsInvitee = me !== null && me.user.email.toLowerCase() === invitation.email.toLowerCase();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (needsAccount) {
      if (!displayName.trim()) found.displayName = t('validation.required');
      if (password.length < MIN_PASSWORD_LENGTH) found.password = t('validation.passwordLength');
    }
    const foundOrg = validateOrgForm(org, t);
    setErrors(found);
    setOrgErrors(foundOrg);
    if (Object.keys(found).length + Object.keys(foundOrg).length > 0) return;
    setBusy(true);
    setServerError(null);
    try {
      const result = await api.acceptOrgInvitation(token, {
        ...(needsAccount ? { displayName: displayName.trim(), password, locale: lang } : {}),
        organization: orgCreateInput(org),
      });
      await refresh();
      notifySuccess(t('orgInvite.done'));
      void navigate(`/orgs/${result.orgId}/relationships`, { replace: true });
    } catch (error) {
      setServerError(errorMessage(error));
      setErrors(
        serverFieldErrors<'displayName' | 'password'>(error, {
          weak_password: 'password',
          '/displayName': 'displayName',
          '/password': 'password',
        }),
      );
      setOrgErrors(serverFieldErrors<keyof OrgFormValues>(error, orgErrorFields('/organization')));
    } finally {
      setBusy(false);
    }
  };

  const intro = t('orgInvite.intro', {
    from: invitation.from.name,
    company: invitation.companyName,
    type: t(`relationships.types.${invitation.type}`),
  });

  if (!needsAccount && !signedInAsInvitee)
    return (
      <AuthLayout title={t('orgInvite.title')}>
        <Text>{intro}</Text>
        <Text size="sm">{t('orgInvite.existing')}</Text>
        <Button component={Link} to={`/login?next=${encodeURIComponent(`/org-invite/${token}`)}`}>
          {t('orgInvite.login')}
        </Button>
      </AuthLayout>
    );

  return (
    <AuthLayout title={t('orgInvite.title')}>
      <Text>{intro}</Text>
      <Text size="sm" c="dimmed">
        {t('orgInvite.expiresAt', { date: formatDateTime(invitation.expiresAt, lang) })}
      </Text>
      {serverError ? (
        <Alert color="red" title={t('common.errorTitle')} role="alert">
          {serverError}
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {needsAccount ? (
            <>
              <Title order={2} size="h4">
                {t('orgInvite.account')}
              </Title>
              <NewAccountFields
                email={invitation.email}
                emailLabel={t('orgInvite.email')}
                displayName={displayName}
                onDisplayName={setDisplayName}
                password={password}
                onPassword={setPassword}
                errors={errors}
              />
            </>
          ) : null}
          <Title order={2} size="h4">
            {t('orgInvite.organization')}
          </Title>
          <OrgFields values={org} errors={orgErrors} onChange={setOrg} showSlug />
          <Button type="submit" loading={busy}>
            {needsAccount ? t('orgInvite.submit') : t('orgInvite.existingSubmit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

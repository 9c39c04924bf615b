import { Alert, Badge, Button, DataList, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import type { InvitationPreview } from '../../../api/types';
import { AuthLayout } from '../../../components/AuthLayout';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { currentLanguage } from '../../../i18n';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { formatDateTime } from '../../../lib/format';
import { errorMessage, notifySuccess } from '../../../lib/notify';
import { useSession } from '../../../session/SessionContext';
import { NewAccountFields } from '../components/NewAccountFields';

export function InvitePage() {
  const { t } = useTranslation('platform');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { me, refresh } = useSession();
  const [invitation, setInvitation] = useState<InvitationPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const [errors, setErrors] = useState<{ displayName?: string; password?: string; passwordConfirm?: string }>(
    {},
  );
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let active = true;
    api
      .invitation(token)
      .then((value) => {
        if (active) setInvitation(value);
      })
      .catch((error: unknown) => {
        if (active) setLoadError(errorMessage(error));
      });
    return () => {
      active = false;
    };
  }, [token]);

  if (loadError) {
    return (
      <AuthLayout title={t('invite.title')}>
        <Alert color="red" title={t('invite.invalid')} role="alert">
          {loadError}
        </Alert>
        <Button component={Link} to="/" variant="default">
          {t('app.home')}
        </Button>
      </AuthLayout>
    );
  }
  if (!invitation || me === undefined) return <FullPageLoader />;

  const signedInAsInvitee = me !== null && me.user.email.toLowerCase() === invitation.email.toLowerCase();
  const needsAccount = !invitation.accountExists;
  const lang = currentLanguage();

  const accept = async (event: FormEvent) => {
    event.preventDefault();
    let body: { displayName?: string; password?: string } = {};
    if (needsAccount) {
      const found: typeof errors = {};
      if (!displayName.trim()) found.displayName = t('validation.required');
      if (password.length < MIN_PASSWORD_LENGTH) found.password = t('validation.passwordLength');
      if (password !== passwordConfirm) found.passwordConfirm = t('validation.passwordMismatch');
      setErrors(found);
      if (Object.keys(found).length > 0) return;
      body = { displayName: displayName.trim(), password };
    }
    setBusy(true);
    setServerError(null);
    try {
      const result = await api.acceptInvitation(token, body);
      if (needsAccount) {
        try {
          await api.updateMe({ locale: lang });
        } catch {
          // the account keeps the server's default language
        }
      }
      await refresh();
      notifySuccess(t('invite.accepted', { name: invitation.organization.name }));
      void navigate(`/orgs/${result.orgId}/overview`, { replace: true });
    } catch (error) {
      setServerError(errorMessage(error));
      setErrors(
        serverFieldErrors<'displayName' | 'password'>(error, {
          weak_password: 'password',
          '/displayName': 'displayName',
          '/password': 'password',
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('invite.title')}>
      <Text>{t('invite.intro')}</Text>
      <DataList orientation="horizontal" labelWidth={120} withDivider>
        <DataList.Item>
          <DataList.ItemLabel>{t('invite.organization')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text fw={700}>{invitation.organization.name}</Text>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('invite.email')}</DataList.ItemLabel>
          <DataList.ItemValue>{invitation.email}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('invite.role')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Badge variant="light" size="lg">
              {t(`roles.${invitation.role}`)}
            </Badge>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('invite.expiresAt')}</DataList.ItemLabel>
          <DataList.ItemValue>{formatDateTime(invitation.expiresAt, lang)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>

      {serverError ? (
        <Alert color="red" title={t('common.errorTitle')} role="alert">
          {serverError}
        </Alert>
      ) : null}

      {needsAccount ? (
        <form onSubmit={(event) => void accept(event)} noValidate>
          <Stack>
            <Text size="sm">{t('invite.newAccount')}</Text>
            <NewAccountFields
              email={invitation.email}
              emailLabel={t('invite.email')}
              displayName={displayName}
              onDisplayName={setDisplayName}
              password={password}
              onPassword={setPassword}
              errors={errors}
            />
            <PasswordInput
              label={t('setup.passwordConfirm')}
              required
              value={passwordConfirm}
              error={errors.passwordConfirm}
              onChange={(event) => setPasswordConfirm(event.currentTarget.value)}
              autoComplete="new-password"
            />
            <Button type="submit" loading={busy}>
              {t('invite.accept')}
            </Button>
          </Stack>
        </form>
      ) : signedInAsInvitee ? (
        <form onSubmit={(event) => void accept(event)} noValidate>
          <Stack>
            <Text size="sm">{t('invite.existingAccount')}</Text>
            <Button type="submit" loading={busy}>
              {t('invite.accept')}
            </Button>
          </Stack>
        </form>
      ) : (
        <Stack>
          <Text size="sm">{t('invite.loginFirst')}</Text>
          <Button component={Link} to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>
            {t('invite.loginButton')}
          </Button>
        </Stack>
      )}
    </AuthLayout>
  );
}

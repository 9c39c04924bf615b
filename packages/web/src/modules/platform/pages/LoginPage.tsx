import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { AuthLayout } from '../../../components/AuthLayout';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { currentLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/notify';
import { EMAIL_RE } from '../../../lib/validate';
import { useSession } from '../../../session/SessionContext';

/** Only same-site paths are accepted as `?next=` targets. */
function safeNext(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/api/')) return null;
  return value;
}

export function LoginPage() {
  const { t } = useTranslation('platform');
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const { me, refresh, expired } = useSession();
  const [step, setStep] = useState<'password' | 'mfa'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; code?: string }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState<{ enabled: boolean; label: string | null } | null>(null);
  const next = safeNext(params.get('next'));
  const state = location.state as { setupDone?: boolean } | null;

  useEffect(() => {
    let active = true;
    api
      .oidc()
      .then((value) => {
        if (active) setOidc(value);
      })
      .catch(() => {
        if (active) setOidc({ enabled: false, label: null });
      });
    return () => {
      active = false;
    };
  }, []);

  const finish = async () => {
    // The language picked on this page wins: store it on the account.
    try {
      await api.updateMe({ locale: currentLanguage() });
    } catch {
      // not essential for signing in
    }
    const fresh = await refresh();
    const first = fresh?.memberships[0];
    void navigate(next ?? (first ? `/orgs/${first.organization.id}/overview` : '/account'), {
      replace: true,
    });
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!EMAIL_RE.test(email.trim())) found.email = t('validation.email');
    if (!password) found.password = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setServerError(null);
    try {
      const result = await api.login(email.trim(), password);
      if (result.status === 'mfa_required') {
        setStep('mfa');
        setPassword('');
      } else {
        await finish();
      }
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    const value = code.trim();
    if (!value) {
      setErrors({ code: t('validation.required') });
      return;
    }
    setErrors({});
    setBusy(true);
    setServerError(null);
    try {
      const result = await api.loginTotp(value);
      if (result.status === 'ok') await finish();
    } catch (error) {
      setServerError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (me === undefined) return <FullPageLoader />;
  if (me && !busy) return <Navigate to={next ?? '/'} replace />;

  const alert = serverError ? (
    <Alert color="red" title={t('common.errorTitle')} role="alert">
      {serverError}
    </Alert>
  ) : null;

  if (step === 'mfa') {
    return (
      <AuthLayout title={t('login.mfaTitle')}>
        <Text size="sm">{t('login.mfaIntro')}</Text>
        <form onSubmit={(event) => void submitCode(event)} noValidate>
          <Stack>
            {alert}
            <TextInput
              label={t('login.mfaCode')}
              required
              value={code}
              error={errors.code}
              onChange={(event) => setCode(event.currentTarget.value)}
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              data-autofocus
              autoFocus
            />
            <Button type="submit" loading={busy}>
              {t('login.mfaSubmit')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setStep('password');
                setCode('');
                setServerError(null);
              }}
            >
              {t('login.back')}
            </Anchor>
          </Stack>
        </form>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('login.title')}>
      {expired ? (
        <Alert color="yellow" role="status">
          {t('header.sessionExpired')}
        </Alert>
      ) : null}
      {state?.setupDone ? (
        <Alert color="indigo" role="status">
          {t('setup.alreadyDone')}
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submitPassword(event)} noValidate>
        <Stack>
          {alert}
          <TextInput
            label={t('login.email')}
            type="email"
            required
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            autoComplete="username"
          />
          <PasswordInput
            label={t('login.password')}
            required
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            autoComplete="current-password"
          />
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      {oidc?.enabled ? (
        <>
          <Divider label={t('login.or')} labelPosition="center" />
          <Button component="a" href="/api/auth/oidc/start" variant="default">
            {t('login.oidc', { label: oidc.label ?? t('login.oidcDefault') })}
          </Button>
        </>
      ) : null}
    </AuthLayout>
  );
}

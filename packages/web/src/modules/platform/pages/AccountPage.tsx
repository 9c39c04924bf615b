import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Loader,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '@shinrai/core/browser';
import { api } from '../../../api/client';
import { LOCALES, type Locale, type User } from '../../../api/types';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { PageHeader } from '../../../components/PageHeader';
import { changeLanguage, currentLanguage, isLocale } from '../../../i18n';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { TOTP_RE } from '../../../lib/validate';
import { useSession } from '../../../session/SessionContext';

function ProfileSection({ user }: { user: User }) {
  const { t, i18n } = useTranslation('platform');
  const { refresh } = useSession();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(currentLanguage());
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // follow the language switch in the header
    if (isLocale(i18n.language)) setLocale(i18n.language);
  }, [i18n.language]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!displayName.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await api.updateMe({ displayName: displayName.trim(), locale });
      await changeLanguage(locale);
      await refresh();
      notifySuccess(t('account.profileSaved'));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void save(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('account.profile')}
          </Title>
          <TextInput label={t('account.email')} value={user.email} readOnly variant="filled" />
          <TextInput
            label={t('account.displayName')}
            required
            value={displayName}
            error={error}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            autoComplete="name"
          />
          <Select
            label={t('account.language')}
            description={t('account.languageHint')}
            allowDeselect={false}
            data={LOCALES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
            value={locale}
            onChange={(value) => {
              if (isLocale(value)) setLocale(value);
            }}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordSection() {
  const { t } = useTranslation('platform');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; confirm?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!current) found.current = t('validation.required');
    if (next.length < MIN_PASSWORD_LENGTH) found.next = t('validation.passwordLength');
    if (next !== confirm) found.confirm = t('validation.passwordMismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      notifySuccess(t('account.passwordChanged'));
    } catch (err) {
      notifyError(err);
      setErrors(
        serverFieldErrors<'current' | 'next'>(err, {
          invalid_credentials: 'current',
          weak_password: 'next',
          '/currentPassword': 'current',
          '/newPassword': 'next',
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('account.password')}
          </Title>
          <PasswordInput
            label={t('account.currentPassword')}
            required
            value={current}
            error={errors.current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            autoComplete="current-password"
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('setup.passwordHint')}
            required
            value={next}
            error={errors.next}
            onChange={(event) => setNext(event.currentTarget.value)}
            autoComplete="new-password"
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            required
            value={confirm}
            error={errors.confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            autoComplete="new-password"
          />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function TotpSection({ user }: { user: User }) {
  const { t } = useTranslation('platform');
  const { refresh } = useSession();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!setup) {
      setQr(null);
      return;
    }
    let active = true;
    import('qrcode')
      .then(({ toDataURL }) =>
        toDataURL(setup.otpauthUrl, { width: 220, margin: 1, errorCorrectionLevel: 'M' }),
      )
      .then((url) => {
        if (active) setQr(url);
      })
      .catch(notifyError);
    return () => {
      active = false;
    };
  }, [setup]);

  const start = async () => {
    setBusy(true);
    try {
      setSetup(await api.totpSetup());
      setCode('');
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const enable = async (event: FormEvent) => {
    event.preventDefault();
    const value = code.replace(/\s/g, '');
    if (!TOTP_RE.test(value)) {
      setError(t('validation.totpCode'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const result = await api.totpEnable(value);
      setRecoveryCodes(result.recoveryCodes);
      setSetup(null);
      setCode('');
      notifySuccess(t('account.totpNowEnabled'));
      await refresh();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const disable = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await api.totpDisable(password);
      setPassword('');
      notifySuccess(t('account.totpNowDisabled'));
      await refresh();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('account.totp')}
          </Title>
          <Badge color={user.totpEnabled ? 'teal' : 'gray'} variant="light">
            {user.totpEnabled ? t('account.totpOn') : t('account.totpOff')}
          </Badge>
        </Group>

        {recoveryCodes ? (
          <Alert color="yellow" title={t('account.recoveryTitle')} role="alert">
            <Stack gap="sm">
              <Text size="sm">{t('account.recoveryWarning')}</Text>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
                {recoveryCodes.map((recovery) => (
                  <Code key={recovery} fz="sm" ta="center">
                    {recovery}
                  </Code>
                ))}
              </SimpleGrid>
              <Group>
                <CopyButton value={recoveryCodes.join('\n')}>
                  {({ copied, copy }) => (
                    <Button size="xs" color={copied ? 'teal' : undefined} onClick={copy}>
                      {copied ? t('common.copied') : t('account.copyRecovery')}
                    </Button>
                  )}
                </CopyButton>
                <Button size="xs" variant="default" onClick={() => setRecoveryCodes(null)}>
                  {t('account.recoveryDone')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}

        {user.totpEnabled ? (
          <form onSubmit={(event) => void disable(event)} noValidate>
            <Stack gap="sm">
              <Text size="sm">{t('account.totpEnabled')}</Text>
              <PasswordInput
                label={t('account.totpDisablePassword')}
                required
                value={password}
                error={error}
                onChange={(event) => setPassword(event.currentTarget.value)}
                autoComplete="current-password"
              />
              <Group justify="flex-end">
                <Button type="submit" color="red" variant="light" loading={busy}>
                  {t('account.totpDisable')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : setup ? (
          <form onSubmit={(event) => void enable(event)} noValidate>
            <Stack gap="sm">
              <Text size="sm">{t('account.totpScan')}</Text>
              {qr ? (
                <Image src={qr} alt={t('account.totpQrAlt')} w={220} h={220} fit="contain" />
              ) : (
                <Loader aria-label={t('app.loading')} />
              )}
              <Text size="sm">{t('account.totpSecret')}</Text>
              <Group gap="xs">
                <Code fz="sm" style={{ wordBreak: 'break-all' }}>
                  {setup.secret}
                </Code>
                <CopyButton value={setup.secret}>
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
              <TextInput
                label={t('account.totpCode')}
                required
                value={code}
                error={error}
                onChange={(event) => setCode(event.currentTarget.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={7}
                w={{ base: '100%', sm: 360 }}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setSetup(null)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('account.totpEnable')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('account.totpDisabled')}</Text>
            <Button onClick={() => void start()} loading={busy}>
              {t('account.totpStart')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

export function AccountPage() {
  const { t } = useTranslation('platform');
  const { me } = useSession();
  if (!me) return <FullPageLoader />;
  return (
    <Stack maw={720}>
      <PageHeader title={t('account.title')} />
      <ProfileSection user={me.user} />
      <PasswordSection />
      <TotpSection user={me.user} />
    </Stack>
  );
}

import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The invited address: shown, not editable (the link was sent to it). */
  email: string;
  emailLabel: string;
  displayName: string;
  onDisplayName: (value: string) => void;
  password: string;
  onPassword: (value: string) => void;
  errors: { displayName?: string; password?: string };
}

/** The account fields of a sign-up by invitation link (member and organization invitations alike). */
export function NewAccountFields({
  email,
  emailLabel,
  displayName,
  onDisplayName,
  password,
  onPassword,
  errors,
}: Props) {
  const { t } = useTranslation('platform');
  return (
    <>
      <TextInput label={emailLabel} value={email} readOnly variant="filled" autoComplete="username" />
      <TextInput
        label={t('setup.displayName')}
        required
        value={displayName}
        error={errors.displayName}
        onChange={(event) => onDisplayName(event.currentTarget.value)}
        autoComplete="name"
      />
      <PasswordInput
        label={t('setup.password')}
        description={t('setup.passwordHint')}
        required
        value={password}
        error={errors.password}
        onChange={(event) => onPassword(event.currentTarget.value)}
        autoComplete="new-password"
      />
    </>
  );
}

import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthLayout } from '../../../components/AuthLayout';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <AuthLayout title={t('app.notFound')}>
      <Text c="dimmed">{t('app.tagline')}</Text>
      <Button component={Link} to="/">
        {t('app.home')}
      </Button>
    </AuthLayout>
  );
}

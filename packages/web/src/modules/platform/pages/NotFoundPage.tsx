import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';

/**
 * An unknown address, shown inside the app shell (menu and organization switcher stay) with a way
 * back: the organization's overview, or the start page outside an organization. Anonymous visitors
 * reach it after signing in (the shell sends them to the login page first).
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { orgId } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <Paper withBorder p="xl" maw={640} data-testid="not-found">
      <Stack gap="sm">
        <Title order={1} size="h3">
          {t('app.notFound')}
        </Title>
        <Text c="dimmed">{t('app.notFoundHint')}</Text>
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {pathname}
        </Text>
        <Group gap="sm" mt="xs">
          <Button component={Link} to={orgId ? `/orgs/${orgId}/overview` : '/'}>
            {orgId ? t('app.backToOverview') : t('app.home')}
          </Button>
          <Button variant="default" onClick={() => void navigate(-1)}>
            {t('app.back')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

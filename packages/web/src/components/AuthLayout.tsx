import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** Centered card used by the setup, login and invitation pages. */
export function AuthLayout({
  title,
  children,
  size = 480,
}: {
  title: string;
  children: ReactNode;
  size?: number;
}) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} | ${t('app.name')}`);
  return (
    <Box mih="100dvh" bg="gray.0" py={{ base: 'md', sm: 48 }}>
      <Container size={size} px={{ base: 'xs', sm: 'md' }}>
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap" align="center">
            <div>
              <Text fw={700} size="lg" c="indigo.8">
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="xs">
                {t('app.tagline')}
              </Text>
            </div>
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" component="main">
            <Stack gap="md">
              <Title order={1} size="h2">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}

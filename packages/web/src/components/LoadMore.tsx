import { Button, Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LoadMore({
  hasMore,
  loading,
  empty,
  onLoadMore,
}: {
  hasMore: boolean;
  loading: boolean;
  empty: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  if (empty && !loading) {
    return (
      <Text c="dimmed" ta="center" py="md">
        {t('common.empty')}
      </Text>
    );
  }
  if (!hasMore) return null;
  return (
    <Center>
      <Button variant="default" loading={loading} onClick={onLoadMore}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}

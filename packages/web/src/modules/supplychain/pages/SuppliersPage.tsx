import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';

/** The buyer's supplier registry. */
export function SuppliersPage() {
  const { t } = useTranslation('supplychain');
  return (
    <Stack gap="lg">
      <PageHeader title={t('supplychain.title')} description={t('supplychain.lead')} />
    </Stack>
  );
}

// License policy of the organization (allow / deny lists of SPDX ids) and the components of this release
// that break it.
import { Badge, Button, Group, Paper, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  softwareApi,
  type LicensePolicy,
  type LicenseReport,
  type LicenseViolation,
} from '../../../api/software';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { DataTable, type Column } from '../../../components/DataTable';

export function LicensesPanel({
  orgId,
  releaseId,
  canEditPolicy,
}: {
  orgId: string;
  releaseId: string;
  canEditPolicy: boolean;
}) {
  const { t } = useTranslation('software');
  const [policy, setPolicy] = useState<LicensePolicy>({ allow: [], deny: [] });
  const [violations, setViolations] = useState<LicenseViolation[] | null>(null);
  const [counts, setCounts] = useState<LicenseReport['counts'] | null>(null);
  const [policySet, setPolicySet] = useState(true);
  const [busy, setBusy] = useState(false);

  const loadViolations = () =>
    softwareApi.licenses(orgId, releaseId).then(
      (response) => {
        setViolations(response.items);
        setCounts(response.counts);
        setPolicySet(response.policySet);
      },
      (error: unknown) => {
        notifyError(error);
        setViolations([]);
      },
    );

  useEffect(() => {
    softwareApi.licensePolicy(orgId).then(
      (response) => setPolicy({ allow: response.allow, deny: response.deny }),
      (error: unknown) => notifyError(error),
    );
    void loadViolations();
  }, [orgId, releaseId]);

  const save = async () => {
    setBusy(true);
    try {
      const saved = await softwareApi.setLicensePolicy(orgId, policy);
      setPolicy({ allow: saved.allow, deny: saved.deny });
      notifySuccess(t('software.licenses.saved'));
      await loadViolations();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<LicenseViolation & { key: number }>[] = [
    {
      key: 'component',
      header: t('software.findings.component'),
      primary: true,
      render: (v) => (
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {v.component.name}@{v.component.version ?? '?'}
        </Text>
      ),
    },
    {
      key: 'license',
      header: t('software.components.licenses'),
      render: (v) => (
        <Group gap={6} wrap="nowrap">
          <Badge
            size="sm"
            variant="light"
            color={v.status === 'denied' ? 'red' : 'yellow'}
            style={{ flexShrink: 0 }}
          >
            {t(`software.licenses.status.${v.status}`)}
          </Badge>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {v.licenses ?? t('software.licenses.unknown')}
          </Text>
        </Group>
      ),
    },
    {
      key: 'reason',
      header: t('software.licenses.reason'),
      render: (v) => <Text size="sm">{v.reason ? t(`software.licenses.reasons.${v.reason}`) : ''}</Text>,
    },
  ];

  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('software.licenses.policy')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('software.licenses.policyHint')}
          </Text>
          <TagsInput
            label={t('software.licenses.allow')}
            placeholder="MIT, Apache-2.0"
            value={policy.allow}
            onChange={(allow) => setPolicy((p) => ({ ...p, allow }))}
            readOnly={!canEditPolicy}
            splitChars={[',', ' ']}
          />
          <TagsInput
            label={t('software.licenses.deny')}
            placeholder="GPL-3.0-only"
            value={policy.deny}
            onChange={(deny) => setPolicy((p) => ({ ...p, deny }))}
            readOnly={!canEditPolicy}
            splitChars={[',', ' ']}
          />
          {canEditPolicy ? (
            <Group justify="flex-end">
              <Button onClick={() => void save()} loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      <Title order={3} size="h5">
        {t('software.licenses.violations')}
      </Title>
      {!policySet ? (
        // No rule yet: listing every component as "unlisted" would be noise, so invite a policy instead.
        <Text size="sm" c="dimmed">
          {t(canEditPolicy ? 'software.licenses.noPolicy' : 'software.licenses.noPolicyReader')}
        </Text>
      ) : (
        <>
          {violations && violations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('software.licenses.noViolations')}
            </Text>
          ) : null}
          <DataTable
            label={t('software.licenses.violations')}
            columns={columns}
            rows={(violations ?? []).map((v, key) => ({ ...v, key }))}
            rowKey={(v) => v.key}
          />
          {counts ? (
            <Text size="xs" c="dimmed">
              {t('software.licenses.counts', counts)}
            </Text>
          ) : null}
        </>
      )}
    </Stack>
  );
}

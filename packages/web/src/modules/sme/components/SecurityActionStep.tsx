import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { DeclarationLevel, SmeDeclaration, SmeMissing, SmeStatus } from '../../../api/types';
import { DateField } from '../../../components/DateField';
import { currentLanguage } from '../../../i18n';
import { serverFieldErrors } from '../../../lib/fieldErrors';
import { formatDate, formatDateTime, todayInTokyo } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { declaredState, isDeclarationId, type SmeStep } from '../lib/sme';
import { DeclaredNote } from './SmeSummaryCard';
import { DataTable, type Column } from '../../../components/DataTable';
import { Stars } from './Stars';

/** IPA's SECURITY ACTION site, its notice of the application system from April 2026, and the subsidy's requirements (checked 2026-12). */
const LINKS = {
  ipa: 'https://www.ipa.go.jp/security/security-action/',
  ipaNews: 'https://www.ipa.go.jp/security/security-action/news/sa-notice-202602.html',
  subsidy: 'https://it-shien.smrj.go.jp/applicant/measures',
} as const;

const MISSING_STEP: Record<SmeMissing, SmeStep> = {
  five_rules: 'rules',
  self_check: 'check',
  policy_set: 'policy',
  policy_published: 'policy',
};

/** Step 5: the level the company may declare, what is still missing, and the declarations it recorded. */
export function SecurityActionStep({
  orgId,
  reviewer,
  status,
  onChanged,
  onGoto,
}: {
  orgId: string;
  reviewer: boolean;
  status: SmeStatus;
  onChanged: () => void;
  onGoto: (step: SmeStep) => void;
}) {
  const { t } = useTranslation('sme');
  const lang = currentLanguage();
  const { eligibility } = status;
  const [level, setLevel] = useState<DeclarationLevel>(eligibility.star2 ? 'star2' : 'star1');
  const [declarationId, setDeclarationId] = useState('');
  const [declaredOn, setDeclaredOn] = useState(todayInTokyo());
  const [errors, setErrors] = useState<{ declarationId?: string; declaredOn?: string }>({});
  const [busy, setBusy] = useState(false);

  const remaining = status.selfCheck.total - status.selfCheck.answered;
  const missingText = (m: SmeMissing) =>
    m === 'five_rules'
      ? t('sme.action.missing.five_rules', {
          count: status.fiveRules.total - status.fiveRules.declared,
        })
      : m === 'self_check'
        ? t('sme.action.missing.self_check', { count: remaining })
        : t(`sme.action.missing.${m}`);
  // For ★ only the five rules count; the rest is what ★★ still needs.
  const forStar1 = eligibility.missing.filter((m) => m === 'five_rules');
  const forStar2 = eligibility.missing.filter((m) => m !== 'five_rules');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!isDeclarationId(declarationId)) found.declarationId = t('sme.action.badId');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(declaredOn)) found.declaredOn = t('sme.policy.badDate');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.recordDeclaration(orgId, { level, declarationId: declarationId.trim(), declaredOn });
      notifySuccess(t('sme.action.recorded'));
      setDeclarationId('');
      onChanged();
    } catch (error) {
      notifyError(error);
      setErrors(serverFieldErrors(error, { '/declarationId': 'declarationId', '/declaredOn': 'declaredOn' }));
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<SmeDeclaration>[] = [
    {
      key: 'level',
      header: t('sme.action.level'),
      primary: true,
      render: (d) => (
        <Group gap={6} wrap="nowrap">
          <Stars level={d.level} size={16} />
          <Text size="sm" fw={600}>
            {t(`sme.levels.${d.level}`)}
          </Text>
        </Group>
      ),
    },
    { key: 'id', header: t('sme.action.declarationId'), render: (d) => d.declarationId },
    {
      key: 'on',
      header: t('sme.action.declaredOn'),
      nowrap: true,
      render: (d) => formatDate(d.declaredOn, lang),
    },
    {
      key: 'at',
      header: t('sme.action.recordedAt'),
      nowrap: true,
      render: (d) => formatDateTime(d.createdAt, lang),
    },
  ];

  const declared = declaredState(status);
  const shownLevel = declared && !declared.canUpgrade ? declared.declaration.level : eligibility.level;
  const headline =
    declared && !declared.canUpgrade
      ? t('sme.action.declaredTitle', {
          level: `${'★'.repeat(declared.declaration.level === 'star2' ? 2 : 1)} ${t(`sme.levels.${declared.declaration.level}`)}`,
        })
      : eligibility.level === 'star2'
        ? t('sme.action.canStar2')
        : eligibility.level === 'star1'
          ? t('sme.action.canStar1')
          : t('sme.action.canNone');

  return (
    <Stack>
      <Text size="sm">{t('sme.action.intro')}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Group gap="md" wrap="nowrap" align="center">
            <ThemeIcon
              size={64}
              radius="xl"
              variant="light"
              color={shownLevel === 'none' ? 'gray' : declared && !declared.canUpgrade ? 'teal' : 'yellow'}
              aria-hidden
            >
              <Stars level={shownLevel} size={shownLevel === 'star2' ? 24 : 30} />
            </ThemeIcon>
            <Stack gap={2}>
              {declared && !declared.canUpgrade ? null : (
                <Text size="xs" c="dimmed">
                  {t('sme.action.currentLevel')}
                </Text>
              )}
              <Title order={3} size="h3" data-testid="sme-level">
                {headline}
              </Title>
            </Stack>
          </Group>
          {forStar1.length > 0 ? (
            <MissingList
              title={t('sme.action.needForStar1')}
              items={forStar1}
              text={missingText}
              onGoto={(m) => onGoto(MISSING_STEP[m])}
            />
          ) : null}
          {forStar2.length > 0 ? (
            <MissingList
              title={t('sme.action.needForStar2')}
              items={forStar2}
              text={missingText}
              onGoto={(m) => onGoto(MISSING_STEP[m])}
            />
          ) : null}
          {declared ? (
            <DeclaredNote state={declared} lang={lang} />
          ) : eligibility.level === 'star2' ? (
            <Text size="sm">{t('sme.action.allDone')}</Text>
          ) : null}
        </Stack>
      </Paper>

      <Alert color="indigo" variant="light" title={t('sme.action.noteTitle')}>
        <Stack gap={6}>
          <Text size="sm">{t('sme.action.note1')}</Text>
          <Text size="sm">{t('sme.action.note2')}</Text>
          <Text size="sm">{t('sme.action.note3')}</Text>
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {(
              [
                ['ipa', 'sme.action.ipaLink'],
                ['ipaNews', 'sme.action.ipaNewsLink'],
                ['subsidy', 'sme.action.subsidyLink'],
              ] as const
            ).map(([key, label]) => (
              <li key={key}>
                <Anchor href={LINKS[key]} target="_blank" rel="noopener noreferrer" size="sm">
                  {t(label)} ↗
                </Anchor>
              </li>
            ))}
          </Stack>
          <Text size="xs" c="dimmed">
            {t('sme.action.noteChecked')}
          </Text>
        </Stack>
      </Alert>

      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('sme.action.recordTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('sme.action.recordIntro')}
          </Text>
          {reviewer ? (
            <form onSubmit={(event) => void submit(event)} noValidate>
              <Stack gap="sm">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="sme-level-label">
                    {t('sme.action.level')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="sme-level-label"
                    value={level}
                    onChange={(v) => setLevel(v === 'star2' ? 'star2' : 'star1')}
                    data={[
                      { value: 'star1', label: `★ ${t('sme.levels.star1')}` },
                      { value: 'star2', label: `★★ ${t('sme.levels.star2')}` },
                    ]}
                    fullWidth
                    size="md"
                  />
                  {level === 'star2' && !eligibility.star2 ? (
                    <Text size="xs" c="orange.8">
                      {t('sme.action.star2NotYet')}
                    </Text>
                  ) : null}
                </Stack>
                <Group gap="sm" align="flex-start" wrap="wrap">
                  <TextInput
                    label={t('sme.action.declarationId')}
                    description={t('sme.action.declarationIdHint')}
                    value={declarationId}
                    onChange={(e) => {
                      setDeclarationId(e.currentTarget.value);
                      setErrors((x) => ({ ...x, declarationId: undefined }));
                    }}
                    error={errors.declarationId}
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={15}
                    required
                    style={{ flex: '1 1 200px' }}
                  />
                  <DateField
                    label={t('sme.action.declaredOn')}
                    value={declaredOn}
                    onChange={(e) => setDeclaredOn(e.currentTarget.value)}
                    error={errors.declaredOn}
                    required
                    style={{ flex: '1 1 160px' }}
                  />
                </Group>
                <Group justify="flex-end">
                  <Button type="submit" loading={busy}>
                    {t('sme.action.record')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Text size="sm" c="dimmed">
              {t('sme.action.reviewerOnly')}
            </Text>
          )}
          {status.declarations.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('sme.action.noneRecorded')}
            </Text>
          ) : (
            <DataTable
              columns={columns}
              rows={status.declarations}
              rowKey={(d) => d.id}
              label={t('sme.action.listLabel')}
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function MissingList({
  title,
  items,
  text,
  onGoto,
}: {
  title: string;
  items: SmeMissing[];
  text: (m: SmeMissing) => string;
  onGoto: (m: SmeMissing) => void;
}) {
  const { t } = useTranslation('sme');
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
        {items.map((m) => (
          <Group component="li" key={m} gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ minWidth: 0 }}>
              ・{text(m)}
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => onGoto(m)} style={{ flexShrink: 0 }}>
              {t('sme.action.goto')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { href } from '../../../../api/client';
import { PageHeader } from '../../../../components/PageHeader';
import { useOrg } from '../../../../components/OrgContext';
import { currentLanguage } from '../../../../i18n';
import { formatDate } from '../../../../lib/format';
import { notifyError, notifySuccess } from '../../../../lib/notify';
import { campaignsApi, type RequestReview } from '../api';
import { StarResultView } from '../../inbox/components/StarResultView';

const STATE_COLOR: Record<string, string> = { open: 'blue', returned: 'orange', accepted: 'teal' };

function show(value: unknown): string {
  const v = value as {
    kind?: string;
    value?: string | number;
    values?: string[];
    level?: number;
    files?: number;
  } | null;
  if (!v) return '';
  if (v.kind === 'multiple') return (v.values ?? []).join(', ');
  if (v.kind === 'maturity') return String(v.level);
  if (v.kind === 'file') return String(v.files);
  return String(v.value ?? '');
}

/** One supplier's answers: send an item back with a note, accept an item, accept all (locks). */
export function RequestReviewPage() {
  const { t } = useTranslation('campaigns');
  const { t: ti } = useTranslation('inbox');
  const { orgId } = useOrg();
  const { requestId = '' } = useParams();
  const lang = currentLanguage();
  const [d, setD] = useState<RequestReview | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const load = useCallback(() => {
    campaignsApi.request(orgId, requestId).then(setD, notifyError);
  }, [orgId, requestId]);
  useEffect(load, [load]);
  if (!d) return null;
  const status = d.request.status;
  const run = (p: Promise<void>, ok: string) =>
    void p.then(() => {
      notifySuccess(ok);
      load();
    }, notifyError);

  return (
    <Stack gap="md">
      <PageHeader
        title={`${t('campaigns.review.title')}: ${d.request.supplierName}`}
        description={d.campaign.title}
      />
      <Group>
        <Badge size="lg">{t(`campaigns.statuses.${status}`, { defaultValue: status })}</Badge>
        {status === 'submitted' && (
          <Button
            onClick={() => run(campaignsApi.accept(orgId, requestId), t('campaigns.review.accepted'))}
            disabled={d.items.some((i) => i.state === 'returned')}
          >
            {t('campaigns.review.acceptAll')}
          </Button>
        )}
      </Group>
      {d.declaration && (
        <Alert color="teal">
          {t('campaigns.review.declaration', {
            level:
              d.declaration.level === 'star1'
                ? t('campaigns.review.declaration_star1')
                : t('campaigns.review.declaration_star2'),
            id: d.declaration.declarationId,
            date: formatDate(d.declaration.declaredOn, lang),
          })}
        </Alert>
      )}
      {d.starResult && (
        <Card withBorder p="sm" aria-label={ti('star.reviewTitle')}>
          <Stack gap={4}>
            <Text fw={600}>{ti('star.reviewTitle')}</Text>
            <StarResultView
              star={d.starResult}
              evidenceHref={href('/api/orgs/{orgId}/supplychain/requests/{requestId}/star-result/evidence', {
                orgId,
                requestId,
              })}
              extra={[
                { label: ti('star.shownOn'), value: formatDate(d.starResult.attachedAt, lang) },
                ...(d.starResult.correctedAt
                  ? [{ label: ti('star.correctedOn'), value: formatDate(d.starResult.correctedAt, lang) }]
                  : []),
                { label: ti('star.source'), value: ti('star.fromSupplier') },
              ]}
            />
          </Stack>
        </Card>
      )}
      {d.items.map((i, n) => (
        <Card key={i.ref} withBorder p="sm">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>
                {n + 1}. {i.title[lang]}
              </Text>
              <Badge color={STATE_COLOR[i.state] ?? 'gray'} style={{ flexShrink: 0 }}>
                {i.state === 'open' && i.returnedAt
                  ? t('campaigns.review.answeredAfterReturn')
                  : t(`campaigns.review.states.${i.state}`, { defaultValue: i.state })}
              </Badge>
            </Group>
            <Text size="sm">
              {t('campaigns.review.answer')}:{' '}
              {i.value ? (i.answerLabel?.[lang] ?? show(i.value)) : t('campaigns.review.notYet')}
            </Text>
            {(i.followUp.reason || i.followUp.plannedDate) && (
              <Text size="sm" c="dimmed">
                {t('campaigns.review.followUp')}: {i.followUp.reason}{' '}
                {i.followUp.plannedDate && `(${i.followUp.plannedDate})`}
              </Text>
            )}
            {i.reusedFrom && (
              <Badge variant="light" color="indigo" style={{ alignSelf: 'flex-start' }}>
                {i.reusedFrom.type === 'assessment'
                  ? t('campaigns.review.reusedAssessment', {
                      label: i.reusedFrom.label,
                      date: formatDate(i.reusedFrom.date, lang),
                    })
                  : t('campaigns.review.reusedRequest', { date: formatDate(i.reusedFrom.date, lang) })}
              </Badge>
            )}
            {i.returnNote && <Alert color="orange">{i.returnNote}</Alert>}
            {i.evidence.map((e) => (
              <Anchor
                key={e.id}
                size="sm"
                href={href('/api/orgs/{orgId}/supplychain/files/{fileId}', { orgId, fileId: e.id })}
              >
                {t('campaigns.review.evidence')}: {e.name} (SHA-256 {e.sha256.slice(0, 12)}…)
              </Anchor>
            ))}
            {status === 'submitted' && i.state === 'open' && (
              <Group gap="xs" align="flex-end">
                <TextInput
                  size="xs"
                  style={{ flex: 1, minWidth: 180 }}
                  label={t('campaigns.review.returnNote')}
                  value={notes[i.ref] ?? ''}
                  onChange={(e) => setNotes({ ...notes, [i.ref]: e.currentTarget.value })}
                />
                <Button
                  size="xs"
                  variant="default"
                  disabled={!notes[i.ref]?.trim()}
                  onClick={() =>
                    run(
                      campaignsApi.returnItem(orgId, requestId, i.ref, notes[i.ref]!.trim()),
                      t('campaigns.review.returnedDone'),
                    )
                  }
                >
                  {t('campaigns.review.return')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    run(campaignsApi.acceptItem(orgId, requestId, i.ref), t('campaigns.review.accepted'))
                  }
                >
                  {t('campaigns.review.acceptItem')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

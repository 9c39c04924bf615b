import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { GovernanceReportNotes } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';

const MAX = { summary: 4000, commentary: 8000 } as const;

/** The CISO's executive summary and commentary printed in the board report of the shown assessment. */
export function ReportNotes({
  orgId,
  assessmentId,
  editable,
}: {
  orgId: string;
  assessmentId: string | null;
  editable: boolean;
}) {
  const { t } = useTranslation('governance');
  const lang = currentLanguage();
  const [notes, setNotes] = useState<GovernanceReportNotes | null>(null);
  const [summary, setSummary] = useState('');
  const [commentary, setCommentary] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let active = true;
    api.governanceReportNotes(orgId, assessmentId ?? undefined).then(
      ({ notes: n }) => {
        if (!active) return;
        setNotes(n);
        setSummary(n.summary);
        setCommentary(n.commentary);
      },
      (error: unknown) => notifyError(error),
    );
    return () => {
      active = false;
    };
  }, [orgId, assessmentId]);

  if (!notes?.assessmentId) return null;
  const dirty = summary !== notes.summary || commentary !== notes.commentary;

  const save = async () => {
    if (!notes.assessmentId) return;
    setBusy(true);
    try {
      const { notes: saved } = await api.setGovernanceReportNotes(orgId, {
        assessmentId: notes.assessmentId,
        summary,
        commentary,
      });
      setNotes(saved);
      notifySuccess(t('governance.report.notesSaved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="report-notes">
      <Text size="sm" fw={600}>
        {t('governance.report.notesTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('governance.report.notesIntro')}
      </Text>
      <Textarea
        label={t('governance.report.summary')}
        description={t('governance.report.summaryHint')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        maxLength={MAX.summary}
        autosize
        minRows={3}
        readOnly={!editable}
      />
      <Textarea
        label={t('governance.report.commentary')}
        description={t('governance.report.commentaryHint')}
        value={commentary}
        onChange={(e) => setCommentary(e.currentTarget.value)}
        maxLength={MAX.commentary}
        autosize
        minRows={4}
        readOnly={!editable}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {notes.updatedAt
            ? t('governance.report.notesUpdated', {
                at: formatDateTime(notes.updatedAt, lang),
                name: notes.updatedBy?.displayName ?? '—',
              })
            : editable
              ? t('governance.report.notesNone')
              : t('governance.report.notesReviewerOnly')}
        </Text>
        {editable ? (
          <Button onClick={() => void save()} loading={busy} disabled={!dirty}>
            {t('governance.report.notesSave')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

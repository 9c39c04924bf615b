import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Anchor,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api, href } from '../../../../api/client';
import { DateField } from '../../../../components/DateField';
import { notifyError, notifySuccess } from '../../../../lib/notify';
import { inboxApi, type NewStar, type OwnStar } from '../api';
import { StarResultView } from './StarResultView';

type Field = 'kind' | 'obtainedOn' | 'validUntil' | 'bodyName' | 'registrationNo' | 'assessmentId' | 'file';
type AssessmentOption = { value: string; label: string };

/**
 * The form of a new ★ result, or of a correction to a recorded one (`initial`); the validity end is always
 * entered (we never compute one).
 */
function StarForm({
  orgId,
  assessments,
  initial,
  onClose,
  onSaved,
}: {
  orgId: string;
  assessments: AssessmentOption[];
  initial?: OwnStar | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('inbox');
  const [level, setLevel] = useState<'3' | '4'>(initial?.level === 4 ? '4' : '3');
  const [obtainedOn, setObtainedOn] = useState(initial?.obtainedOn ?? '');
  const [validUntil, setValidUntil] = useState(initial?.validUntil ?? '');
  const [bodyName, setBodyName] = useState(initial?.bodyName ?? '');
  const [registrationNo, setRegistrationNo] = useState(initial?.registrationNo ?? '');
  const [assessmentId, setAssessmentId] = useState<string | null>(initial?.assessmentId ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const clear = (f: Field) => setErrors(({ [f]: _, ...rest }) => rest);

  const save = async () => {
    const missing: Partial<Record<Field, string>> = {};
    if (!obtainedOn) missing.obtainedOn = t('star.required');
    if (!validUntil) missing.validUntil = t('star.required');
    if (level === '4' && !bodyName.trim()) missing.bodyName = t('star.problem.body_required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const body: NewStar = {
      level: level === '4' ? 4 : 3,
      kind: level === '4' ? 'third_party' : 'self',
      obtainedOn,
      validUntil,
      bodyName: level === '4' ? bodyName : null,
      registrationNo: registrationNo.trim() || null,
      assessmentId,
    };
    setBusy(true);
    try {
      const saved = initial
        ? await inboxApi.editStar(orgId, initial.id, body)
        : await inboxApi.recordStar(orgId, body);
      if (file) {
        try {
          await inboxApi.starEvidence(orgId, saved.id, file);
        } catch (e) {
          // The result is recorded; the file alone was refused.
          notifyError(e);
        }
      }
      notifySuccess(t(initial ? 'star.edited' : 'star.recorded'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details)) {
        const found: Partial<Record<Field, string>> = {};
        for (const d of e.details as { pointer?: string; message?: string }[]) {
          const field = d.pointer?.replace('/', '') as Field | undefined;
          if (field)
            found[field] = t(`star.problem.${d.message ?? ''}` as 'star.problem.body_required', {
              defaultValue: e.message,
            });
        }
        setErrors(found);
      }
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t(initial ? 'star.editTitle' : 'star.formTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(initial ? 'star.editHelp' : 'star.formHelp')}
        </Text>
        <SegmentedControl
          value={level}
          onChange={(v) => setLevel(v)}
          data={[
            { value: '3', label: `★3 — ${t('star.kinds.self')}` },
            { value: '4', label: `★4 — ${t('star.kinds.third_party')}` },
          ]}
          aria-label={t('star.level')}
        />
        {errors.kind && (
          <Text size="sm" c="red">
            {errors.kind}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            required
            label={t('star.obtainedOn')}
            value={obtainedOn}
            onChange={(e) => {
              setObtainedOn(e.currentTarget.value);
              clear('obtainedOn');
            }}
            error={errors.obtainedOn}
          />
          <DateField
            required
            label={t('star.validUntil')}
            description={t('star.validUntilHelp')}
            value={validUntil}
            onChange={(e) => {
              setValidUntil(e.currentTarget.value);
              clear('validUntil');
            }}
            error={errors.validUntil}
          />
        </SimpleGrid>
        {level === '4' && (
          <TextInput
            required
            label={t('star.bodyName')}
            value={bodyName}
            onChange={(e) => {
              setBodyName(e.currentTarget.value);
              clear('bodyName');
            }}
            error={errors.bodyName}
            maxLength={200}
          />
        )}
        <TextInput
          label={t('star.registrationNo')}
          description={t('star.registrationNoHelp')}
          value={registrationNo}
          onChange={(e) => setRegistrationNo(e.currentTarget.value)}
          maxLength={100}
        />
        <Select
          label={t('star.assessment')}
          description={t('star.assessmentHelp')}
          data={assessments}
          value={assessmentId}
          onChange={setAssessmentId}
          clearable
          searchable
          error={errors.assessmentId}
          nothingFoundMessage={t('star.assessmentNone')}
        />
        <FileInput
          label={t(initial ? 'star.evidenceReplace' : 'star.evidence')}
          description={t('star.evidenceHelp')}
          value={file}
          onChange={setFile}
          clearable
          accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx,.txt,.csv"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reuse.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t(initial ? 'star.editSave' : 'star.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 自社の★結果: the results this organization obtained, to show its buyers (owners and admins record them). */
export function OwnStarResults({ orgId, manager }: { orgId: string; manager: boolean }) {
  const { t } = useTranslation('inbox');
  const [items, setItems] = useState<OwnStar[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<OwnStar | null>(null);
  const [assessments, setAssessments] = useState<AssessmentOption[]>([]);
  const load = useCallback(() => {
    inboxApi.starResults(orgId).then((r) => setItems(r.items), notifyError);
    api
      .assessments(orgId, null, 200)
      .then((r) => setAssessments(r.items.map((a) => ({ value: a.id, label: a.title }))), notifyError);
  }, [orgId]);
  useEffect(load, [load]);
  return (
    <Card withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
            <Title order={2} size="h4">
              {t('star.ownTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('star.ownIntro')}
            </Text>
          </Stack>
          {manager && (
            <Button size="sm" onClick={() => setAdding(true)}>
              {t('star.add')}
            </Button>
          )}
        </Group>
        {items?.length === 0 && <Alert color="gray">{t('star.ownEmpty')}</Alert>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {items?.map((s) => (
            <Card key={s.id} withBorder radius="sm" p="sm" bg={s.expired ? 'gray.0' : undefined}>
              <StarResultView
                star={s}
                evidenceHref={
                  s.evidence
                    ? href('/api/orgs/{orgId}/supplychain/star-results/{starResultId}/evidence', {
                        orgId,
                        starResultId: s.id,
                      })
                    : undefined
                }
              />
              {s.assessmentId && (
                <Text size="xs" mt={4}>
                  {t('star.assessment')}:{' '}
                  <Anchor component={Link} to={`/orgs/${orgId}/assessments/${s.assessmentId}`} size="xs">
                    {assessments.find((a) => a.value === s.assessmentId)?.label ?? s.assessmentId}
                  </Anchor>
                </Text>
              )}
              {s.expired && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('star.expiredNotOffered')}
                </Text>
              )}
              {s.locked ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('star.locked')}
                </Text>
              ) : (
                manager && (
                  <Group justify="flex-end" mt={4}>
                    <Button size="xs" variant="default" onClick={() => setEditing(s)}>
                      {t('star.edit')}
                    </Button>
                  </Group>
                )
              )}
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
      {(adding || editing) && (
        <StarForm
          key={editing?.id ?? 'new'}
          orgId={orgId}
          assessments={assessments}
          initial={editing ?? undefined}
          onClose={() => {
            setAdding(false);
            setEditing(null);
          }}
          onSaved={() => {
            setAdding(false);
            setEditing(null);
            load();
          }}
        />
      )}
    </Card>
  );
}

import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../../../api/client';
import type { Answer, AnswerValue, Assessment, CatalogPack, Score } from '../../../api/types';
import { notifyError } from '../../../lib/notify';

export type ItemSave = 'saving' | 'saved' | 'error';

/**
 * One assessment answered in the guided flow: loads it (or only its catalog when it does not exist yet),
 * creates it on the first answer, saves answers one by one (optimistically, with the revision last seen)
 * and keeps the score fresh. `onChanged` runs (debounced) after saves so the caller can refresh status.
 */
export function useGuidedAssessment({
  orgId,
  assessmentId,
  catalogId,
  title,
  writer,
  onChanged,
}: {
  orgId: string;
  assessmentId: string | null;
  catalogId: string | null;
  title: string;
  writer: boolean;
  onChanged: () => void;
}) {
  const [id, setId] = useState<string | null>(assessmentId);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [pack, setPack] = useState<CatalogPack | null>(null);
  const [score, setScore] = useState<Score | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue | null>>({});
  const [saves, setSaves] = useState<Record<string, ItemSave>>({});
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const answersRef = useRef<Record<string, AnswerValue | null>>({});
  const revisions = useRef(new Map<string, number>());
  const inflight = useRef(new Set<string>());
  const again = useRef(new Set<string>());
  const creating = useRef<Promise<string> | null>(null);
  const idRef = useRef<string | null>(assessmentId);

  const applyDetail = (detail: { assessment: Assessment; answers: Answer[]; score: Score }) => {
    const next: Record<string, AnswerValue | null> = {};
    revisions.current.clear();
    for (const a of detail.answers) {
      next[a.ref] = a.value;
      revisions.current.set(a.ref, a.revision);
    }
    answersRef.current = next;
    setAnswers(next);
    setAssessment(detail.assessment);
    setScore(detail.score);
  };

  const load = useCallback(
    async (loadId: string | null) => {
      setLoading(true);
      setFailed(false);
      try {
        if (loadId) {
          const detail = await api.assessment(orgId, loadId);
          const cat = await api.catalog(orgId, detail.assessment.catalogId);
          setPack(cat.pack);
          applyDetail(detail);
        } else if (catalogId) {
          const cat = await api.catalog(orgId, catalogId);
          setPack(cat.pack);
        } else {
          setFailed(true);
        }
      } catch (error) {
        notifyError(error);
        setFailed(true);
      } finally {
        setLoading(false);
      }
    },
    [orgId, catalogId],
  );

  useEffect(() => {
    void load(idRef.current);
  }, [load]);

  const refresh = useDebouncedCallback(
    () => {
      const current = idRef.current;
      if (current)
        api.assessment(orgId, current).then(
          (detail) => {
            setScore(detail.score);
            setAssessment(detail.assessment);
          },
          () => undefined,
        );
      onChanged();
    },
    { delay: 500, flushOnUnmount: true },
  );

  const ensureId = useCallback(async (): Promise<string> => {
    if (idRef.current) return idRef.current;
    if (!creating.current) {
      if (!catalogId) throw new Error('no catalog');
      creating.current = api
        .createAssessment(orgId, { catalogId, title, scopeType: 'organization' })
        .then(({ assessment: created }) => {
          idRef.current = created.id;
          setId(created.id);
          setAssessment(created);
          return created.id;
        })
        .finally(() => {
          creating.current = null;
        });
    }
    return creating.current;
  }, [orgId, catalogId, title]);

  const save = useCallback(
    async (ref: string) => {
      if (inflight.current.has(ref)) {
        again.current.add(ref);
        return;
      }
      inflight.current.add(ref);
      setSaves((s) => ({ ...s, [ref]: 'saving' }));
      try {
        const target = await ensureId();
        let retried = false;
        for (;;) {
          again.current.delete(ref);
          try {
            const { answer } = await api.saveAnswer(orgId, target, ref, {
              value: answersRef.current[ref] ?? null,
              revision: revisions.current.get(ref) ?? 0,
            });
            revisions.current.set(ref, answer.revision);
          } catch (error) {
            // Someone else answered first: this flow is about the company's own answer, keep the newest one.
            if (error instanceof ApiError && error.code === 'answer_conflict' && !retried) {
              const current = (error.details as { current?: Answer | null } | undefined)?.current;
              revisions.current.set(ref, current?.revision ?? 0);
              retried = true;
              again.current.add(ref);
            } else throw error;
          }
          if (!again.current.has(ref)) break;
        }
        setSaves((s) => ({ ...s, [ref]: 'saved' }));
        refresh();
      } catch (error) {
        again.current.delete(ref);
        setSaves((s) => ({ ...s, [ref]: 'error' }));
        notifyError(error);
      } finally {
        inflight.current.delete(ref);
      }
    },
    [orgId, ensureId, refresh],
  );

  const editable = writer && !failed && (assessment === null || assessment.status === 'draft');

  const answer = useCallback(
    (ref: string, value: AnswerValue | null) => {
      if (!editable) return;
      answersRef.current = { ...answersRef.current, [ref]: value };
      setAnswers(answersRef.current);
      void save(ref);
    },
    [editable, save],
  );

  /** A new assessment of the same catalog that starts from this one's answers (e.g. next year's check). */
  const startNew = useCallback(async () => {
    const current = idRef.current;
    if (!current || !assessment) return;
    try {
      const { assessment: created } = await api.createAssessment(orgId, {
        catalogId: assessment.catalogId,
        title,
        scopeType: 'organization',
        basedOn: current,
      });
      idRef.current = created.id;
      setId(created.id);
      await load(created.id);
      onChanged();
    } catch (error) {
      notifyError(error);
    }
  }, [orgId, assessment, title, load, onChanged]);

  const answerMap = useMemo(() => new Map(Object.entries(answers)), [answers]);

  return {
    id,
    assessment,
    pack,
    score,
    answers,
    answerMap,
    saves,
    loading,
    failed,
    editable,
    answer,
    startNew,
  };
}

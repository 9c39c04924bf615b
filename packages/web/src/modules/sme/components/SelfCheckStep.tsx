import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  Kbd,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerOption } from '../../../api/types';
import { currentLanguage } from '../../../i18n';
import { modelOf, tx } from '../../../lib/catalog';
import { todayInTokyo } from '../../../lib/format';
import { firstUnanswered, guidedItems, type GuidedItem } from '../lib/sme';
import { ChevronDownIcon, ChevronRightIcon } from '../../../components/icons';
import { GuidedState } from './GuidedState';
import { useGuidedAssessment } from './useGuidedAssessment';

/** Colors of the self-check's answers by points: done, partly, not done, don't know. */
function optionColor(option: AnswerOption): string {
  if (option.unknown) return 'gray';
  const points = option.points ?? 0;
  return points >= 4 ? 'teal' : points > 0 ? 'yellow' : 'red';
}

const isTyping = (element: Element | null) =>
  element instanceof HTMLElement &&
  (element.tagName === 'TEXTAREA' ||
    element.tagName === 'SELECT' ||
    element.isContentEditable ||
    (element.tagName === 'INPUT' &&
      !['radio', 'checkbox', 'button'].includes((element as HTMLInputElement).type)));

/** Step 2: the 25-item self-check, one question at a time with big answer buttons and the keyboard. */
export function SelfCheckStep({
  orgId,
  writer,
  assessmentId,
  catalogId,
  onChanged,
  onNext,
}: {
  orgId: string;
  writer: boolean;
  assessmentId: string | null;
  catalogId: string | null;
  onChanged: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation(['sme', 'assessments']);
  const lang = currentLanguage();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const guided = useGuidedAssessment({
    orgId,
    assessmentId,
    catalogId,
    title: t('sme.check.assessmentTitle', { date: todayInTokyo() }),
    writer,
    onChanged,
  });
  const { pack, answers, answerMap } = guided;
  const items = useMemo(() => (pack ? guidedItems(pack) : []), [pack]);
  const [index, setIndex] = useState<number | null>(null);
  const [hintOpen, setHintOpen] = useState(false);
  const advance = useRef<number | null>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Start at the first unanswered question once the answers are there.
  useEffect(() => {
    if (index === null && pack && !guided.loading) setIndex(firstUnanswered(items, answerMap));
  }, [index, pack, guided.loading, items, answerMap]);

  const current: GuidedItem | undefined = index === null ? undefined : items[index];
  const model = pack && current ? modelOf(pack, current.node) : undefined;
  const options = model?.kind === 'choice' ? model.options : [];
  const answered = items.filter((i) => answers[i.ref]).length;
  const allDone = items.length > 0 && answered === items.length;

  const go = (next: number) => {
    if (advance.current !== null) window.clearTimeout(advance.current);
    advance.current = null;
    moved.current = true;
    setHintOpen(false);
    setIndex(Math.max(0, Math.min(items.length - 1, next)));
  };

  // Keep the question in view (and announced) after moving, without stealing focus on first load.
  useEffect(() => {
    if (!moved.current) return;
    questionRef.current?.focus({ preventScroll: true });
    questionRef.current?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const choose = (option: AnswerOption) => {
    if (!current || index === null) return;
    guided.answer(current.ref, { kind: 'choice', value: option.value });
    if (index < items.length - 1) {
      if (advance.current !== null) window.clearTimeout(advance.current);
      const from = index;
      advance.current = window.setTimeout(() => {
        advance.current = null;
        setIndex((i) => (i === from ? from + 1 : i));
        moved.current = true;
        setHintOpen(false);
      }, 250);
    }
  };

  // Keys: 1–4 answer, ← / → (or k / j) move between questions. The handler is refreshed in a layout
  // effect, so a key pressed right after a question changes already acts on the new question.
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(document.activeElement)) return;
    if (index === null) return;
    if (event.key === 'ArrowRight' || event.key === 'j') {
      event.preventDefault();
      go(index + 1);
    } else if (event.key === 'ArrowLeft' || event.key === 'k') {
      event.preventDefault();
      go(index - 1);
    } else if (/^[1-9]$/.test(event.key) && guided.editable) {
      const option = options[Number(event.key) - 1];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    }
  };
  const onKeyRef = useRef(onKey);
  useLayoutEffect(() => {
    onKeyRef.current = onKey;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyRef.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  useEffect(
    () => () => {
      if (advance.current !== null) window.clearTimeout(advance.current);
    },
    [],
  );

  if (!pack || !current || index === null) return <GuidedState guided={guided} canWrite={writer} />;

  const value = answers[current.ref];
  const selected = value?.kind === 'choice' ? value.value : null;
  const groups = items.reduce<{ group: GuidedItem['group']; items: GuidedItem[] }[]>((out, item) => {
    const last = out[out.length - 1];
    if (last && last.group === item.group) last.items.push(item);
    else out.push({ group: item.group, items: [item] });
    return out;
  }, []);

  return (
    <Stack>
      <Text size="sm">{t('sme.check.intro')}</Text>
      <GuidedState guided={guided} canWrite={writer} />
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600} data-testid="check-progress">
              {t('sme.check.progress', { answered, total: items.length })}
            </Text>
            {wide ? (
              <Text size="xs" c="dimmed">
                {t('sme.check.keys')}
              </Text>
            ) : null}
          </Group>
          <Progress
            value={items.length ? (answered / items.length) * 100 : 0}
            size="lg"
            color="indigo"
            aria-label={t('sme.check.progress', { answered, total: items.length })}
          />
        </Stack>
      </Paper>

      <Paper withBorder p={{ base: 'md', sm: 'lg' }} data-testid="check-question" data-ref={current.ref}>
        <Stack gap="sm">
          <Group gap="xs" justify="space-between" wrap="wrap">
            {current.group ? (
              <Badge variant="light" color="indigo" tt="none" size="lg" style={{ maxWidth: '100%' }}>
                {tx(current.group.title, lang)}
              </Badge>
            ) : (
              <span />
            )}
            <Text size="sm" c="dimmed">
              {t('sme.check.position', { n: index + 1, total: items.length })}
            </Text>
          </Group>
          <Title order={3} size="h4" ref={questionRef} tabIndex={-1} style={{ outline: 'none' }}>
            {t('sme.check.number', { ref: current.ref })} {tx(current.node.title, lang)}
          </Title>
          {current.node.description ? <Text size="sm">{tx(current.node.description, lang)}</Text> : null}
          {current.node.guidance ? (
            <Box>
              <Button
                variant="subtle"
                color="teal"
                size="compact-md"
                px={4}
                leftSection={hintOpen ? <ChevronDownIcon /> : <ChevronRightIcon />}
                onClick={() => setHintOpen((o) => !o)}
                aria-expanded={hintOpen}
              >
                {t('assessments:workspace.guidance')}
              </Button>
              <Collapse expanded={hintOpen}>
                <Text size="sm" p="xs" bg="teal.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
                  {tx(current.node.guidance, lang)}
                </Text>
              </Collapse>
            </Box>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" role="group" aria-label={t('sme.check.answers')}>
            {options.map((option, i) => {
              const on = selected === option.value;
              return (
                <Button
                  key={option.value}
                  size="lg"
                  h={56}
                  fullWidth
                  color={optionColor(option)}
                  variant={on ? 'filled' : 'default'}
                  aria-pressed={on}
                  disabled={!guided.editable}
                  onClick={() => choose(option)}
                  justify="flex-start"
                  leftSection={
                    wide ? (
                      <Kbd size="xs" aria-hidden>
                        {i + 1}
                      </Kbd>
                    ) : undefined
                  }
                  rightSection={on ? <span aria-hidden>✓</span> : undefined}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                >
                  {tx(option.label, lang)}
                </Button>
              );
            })}
          </SimpleGrid>
          {guided.saves[current.ref] === 'error' ? (
            <Text size="sm" c="red.7" role="alert">
              {t('assessments:workspace.saveFailed')}
            </Text>
          ) : null}
          <Group justify="space-between" mt="xs">
            <Button variant="default" size="md" onClick={() => go(index - 1)} disabled={index === 0}>
              ← {t('sme.check.prev')}
            </Button>
            <Button
              variant="default"
              size="md"
              onClick={() => go(index + 1)}
              disabled={index === items.length - 1}
            >
              {t('sme.check.next')} →
            </Button>
          </Group>
        </Stack>
      </Paper>

      {allDone ? (
        <Alert color="teal" title={t('sme.check.doneTitle', { total: items.length })}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('sme.check.doneBody')}</Text>
            <Button onClick={onNext}>{t('sme.check.toScore')}</Button>
          </Stack>
        </Alert>
      ) : null}

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('sme.check.overview')}
          </Text>
          {groups.map((g, gi) => (
            <Stack key={g.group?.ref ?? gi} gap={4}>
              {g.group ? (
                <Text size="xs" c="dimmed">
                  {tx(g.group.title, lang)}
                </Text>
              ) : null}
              <Group gap={6}>
                {g.items.map((item) => {
                  const given = answers[item.ref];
                  const done = Boolean(given);
                  const itemModel = modelOf(pack, item.node);
                  const chosen =
                    given?.kind === 'choice' && itemModel?.kind === 'choice'
                      ? itemModel.options.find((o) => o.value === given.value)
                      : undefined;
                  return (
                    <ActionIcon
                      key={item.ref}
                      size={34}
                      radius="xl"
                      variant={item.index === index ? 'filled' : done ? 'light' : 'default'}
                      color={
                        item.index === index
                          ? 'indigo'
                          : chosen
                            ? optionColor(chosen)
                            : done
                              ? 'teal'
                              : 'gray'
                      }
                      onClick={() => go(item.index)}
                      aria-label={t('sme.check.jump', {
                        ref: item.ref,
                        state: done ? t('sme.check.answered') : t('assessments:workspace.notAnswered'),
                      })}
                      aria-current={item.index === index ? 'true' : undefined}
                    >
                      <Text size="xs" fw={700}>
                        {item.ref}
                      </Text>
                    </ActionIcon>
                  );
                })}
              </Group>
            </Stack>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

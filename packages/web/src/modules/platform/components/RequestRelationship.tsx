import { Button, Divider, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import {
  RELATIONSHIP_TYPES,
  type Relationship,
  type RelationshipSide,
  type RelationshipType,
} from '../../../api/types';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { InviteLinkNotice, type UnsentInvitation } from './InviteLinkNotice';

type Found = Awaited<ReturnType<typeof api.directory>>;

const isType = (value: string | null): value is RelationshipType =>
  (RELATIONSHIP_TYPES as readonly (string | null)[]).includes(value);
const isSide = (value: string | null): value is RelationshipSide => value === 'from' || value === 'to';

/**
 * Asking another organization for a relationship: the type and this organization's side, then one of
 * three ways to name the other party — find it by name or 法人番号 (only organizations that allow it),
 * type its identifier, or invite by e-mail a company that is not on Shinrai yet.
 */
export function RequestRelationship({
  orgId,
  defaultSide,
  onRequested,
  onInvited,
}: {
  orgId: string;
  /** A supplier usually asks its buyers (it is the `to` side of buyer → supplier). */
  defaultSide: RelationshipSide;
  onRequested: (relationship: Relationship) => void;
  /** Called after an e-mail invitation was created (the list of invited companies reloads). */
  onInvited?: () => void;
}) {
  const { t } = useTranslation('platform');
  const tc = useTranslation().t;
  const [type, setType] = useState<RelationshipType>('buyer_supplier');
  const [side, setSide] = useState<RelationshipSide>(defaultSide);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [searching, setSearching] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const [slug, setSlug] = useState('');
  const [slugError, setSlugError] = useState<string | undefined>(undefined);
  const [email, setEmail] = useState('');
  const [company, setCompany] = useState('');
  const [inviting, setInviting] = useState(false);
  const [unsent, setUnsent] = useState<UnsentInvitation | null>(null);

  const ask = async (counterpartSlug: string) => {
    setAsking(counterpartSlug);
    try {
      const { relationship } = await api.requestRelationship(orgId, { counterpartSlug, type, side });
      onRequested(relationship);
      notifySuccess(t('relationships.requested'));
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    } finally {
      setAsking(null);
    }
  };

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setSearching(true);
    try {
      setFound(await api.directory(orgId, q.trim()));
    } catch (error) {
      setFound(null);
      notifyError(error);
    } finally {
      setSearching(false);
    }
  };

  const bySlug = async (event: FormEvent) => {
    event.preventDefault();
    if (!slug.trim()) {
      setSlugError(t('validation.required'));
      return;
    }
    setSlugError(undefined);
    if (await ask(slug.trim())) setSlug('');
  };

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setInviting(true);
    setUnsent(null);
    try {
      const r = await api.inviteOrg(orgId, { email: email.trim(), companyName: company.trim(), type, side });
      if (r.mail === 'sent' || !r.link)
        notifySuccess(t('relationships.invited', { company: company.trim() }));
      else setUnsent({ email: r.invitation.email, link: r.link, reason: r.mail });
      setEmail('');
      setCompany('');
      onInvited?.();
    } catch (error) {
      notifyError(error);
    } finally {
      setInviting(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('relationships.formTitle')}
        </Title>
        <Group align="flex-start" wrap="wrap" gap="sm">
          <Select
            label={t('relationships.type')}
            description={t('relationships.typeHint')}
            required
            allowDeselect={false}
            data={RELATIONSHIP_TYPES.map((value) => ({ value, label: t(`relationships.types.${value}`) }))}
            value={type}
            onChange={(value) => {
              if (isType(value)) setType(value);
            }}
            style={{ flex: '1 1 220px' }}
          />
          <Select
            label={t('relationships.side')}
            description={t('relationships.sideHint')}
            required
            allowDeselect={false}
            data={(['from', 'to'] as const).map((value) => ({
              value,
              label: t(`relationships.sides.${type}.${value}`),
            }))}
            value={side}
            onChange={(value) => {
              if (isSide(value)) setSide(value);
            }}
            style={{ flex: '1 1 180px' }}
          />
        </Group>

        <form onSubmit={(event) => void search(event)} noValidate>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('relationships.findTitle')}
            </Title>
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput
                label={t('relationships.findLabel')}
                description={t('relationships.findHint')}
                value={q}
                onChange={(event) => setQ(event.currentTarget.value)}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="directory-q"
              />
              <Button type="submit" loading={searching} variant="light">
                {t('relationships.findSubmit')}
              </Button>
            </Group>
            {found ? (
              found.items.length === 0 ? (
                <Text size="sm" c="dimmed" role="status">
                  {t('relationships.findNone')}
                </Text>
              ) : (
                <Stack gap={4} role="list" aria-label={t('relationships.results')}>
                  {found.items.map((o) => (
                    <Group
                      key={o.slug}
                      role="listitem"
                      justify="space-between"
                      wrap="nowrap"
                      gap="xs"
                      p="xs"
                      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
                    >
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {o.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[
                            tc(`orgKinds.${o.kind}`),
                            o.prefecture ? tc(`prefectures.${o.prefecture as '13'}`) : null,
                          ]
                            .filter(Boolean)
                            .join('・')}
                        </Text>
                      </div>
                      <Button
                        size="xs"
                        loading={asking === o.slug}
                        aria-label={t('relationships.requestLabel', { name: o.name })}
                        onClick={() => void ask(o.slug)}
                      >
                        {t('relationships.request')}
                      </Button>
                    </Group>
                  ))}
                  {found.more ? (
                    <Text size="xs" c="dimmed">
                      {t('relationships.findMore', { limit: found.limit })}
                    </Text>
                  ) : null}
                </Stack>
              )
            ) : null}
          </Stack>
        </form>

        <Divider />
        <form onSubmit={(event) => void bySlug(event)} noValidate>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('relationships.slugTitle')}
            </Title>
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput
                label={t('relationships.counterpartSlug')}
                description={t('relationships.counterpartHint')}
                value={slug}
                error={slugError}
                onChange={(event) => setSlug(event.currentTarget.value)}
                autoCapitalize="none"
                spellCheck={false}
                style={{ flex: 1, minWidth: 0 }}
              />
              <Button type="submit" variant="light" loading={asking !== null && asking === slug.trim()}>
                {t('relationships.submit')}
              </Button>
            </Group>
          </Stack>
        </form>

        <Divider />
        <form onSubmit={(event) => void invite(event)}>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('relationships.inviteTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('relationships.inviteIntro')}
            </Text>
            <Group align="flex-start" wrap="wrap" gap="sm">
              <TextInput
                label={t('relationships.inviteCompany')}
                required
                value={company}
                onChange={(event) => setCompany(event.currentTarget.value)}
                autoComplete="organization"
                style={{ flex: '1 1 220px' }}
              />
              <TextInput
                label={t('relationships.inviteEmail')}
                type="email"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                autoComplete="email"
                style={{ flex: '1 1 240px' }}
              />
            </Group>
            <Group>
              <Button type="submit" loading={inviting} variant="light">
                {t('relationships.inviteSubmit')}
              </Button>
            </Group>
            {unsent ? <InviteLinkNotice invitation={unsent} onClose={() => setUnsent(null)} /> : null}
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

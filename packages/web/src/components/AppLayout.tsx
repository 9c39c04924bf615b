import {
  ActionIcon,
  Alert,
  Anchor,
  AppShell,
  Avatar,
  Badge,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo } from 'react';
import { useNavBadges } from './useNavBadges';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { ORG_SIZES, type OrgSize, type Role } from '@shinrai/core/browser';
import type { Membership } from '../api/types';
import { notifyError, notifySuccess } from '../lib/notify';
import { NAV_ENTRIES, navEntryOf } from '../modules';
import type { NavEntry } from '../modules/types';
import { arrangeNav, navAllowed, type OrgProfile } from '../modules/visibility';
import { useSession } from '../session/SessionContext';
import { CreateOrgModal } from './CreateOrgModal';
import { FullPageLoader } from './FullPageLoader';
import { ChevronDownIcon, NavIcons, PlusIcon, ShieldIcon } from './icons';
import { LanguageSwitch } from './LanguageSwitch';
import { OrgContext, type OrgContextValue } from './OrgContext';

/** The organization's kind, size and the user's role in it: what the menu adapts to. */
function profileOf(membership: Membership): OrgProfile {
  const org: object = membership.organization;
  const size =
    'size' in org && (ORG_SIZES as readonly unknown[]).includes(org.size) ? (org.size as OrgSize) : null;
  return { kind: membership.organization.kind, size, role: membership.role };
}

/** Whether a role may open a section's pages (sections without a menu entry are open to all). */
function sectionAllowed(section: string, role: Role): boolean {
  const entry = navEntryOf(section);
  return !entry || navAllowed(entry, role);
}

function currentSection(pathname: string): string {
  return pathname.split('/')[3] ?? 'overview';
}

function OrgSwitcher({
  memberships,
  orgId,
  onCreate,
  fullWidth,
}: {
  memberships: Membership[];
  orgId: string | undefined;
  onCreate: () => void;
  fullWidth: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();

  const select = (id: string | null) => {
    const target = memberships.find((m) => m.organization.id === id);
    if (!target) return;
    const section = currentSection(location.pathname);
    const keep = navEntryOf(section) !== undefined && sectionAllowed(section, target.role);
    const next = section === 'account' || keep ? section : 'overview';
    void navigate(`/orgs/${target.organization.id}/${next}`);
  };

  return (
    <Group gap="xs" wrap="nowrap" w={fullWidth ? '100%' : undefined}>
      <Select
        aria-label={t('header.orgSwitcher')}
        placeholder={memberships.length ? t('header.orgSwitcher') : t('header.noOrganization')}
        data={memberships.map((m) => ({ value: m.organization.id, label: m.organization.name }))}
        value={orgId ?? null}
        onChange={select}
        allowDeselect={false}
        searchable={memberships.length > 7}
        nothingFoundMessage={t('common.empty')}
        w={fullWidth ? undefined : 260}
        style={fullWidth ? { flex: 1 } : undefined}
        comboboxProps={{ withinPortal: true }}
      />
      <Tooltip label={t('header.createOrg')}>
        <ActionIcon variant="light" size="input-sm" aria-label={t('header.createOrg')} onClick={onCreate}>
          <PlusIcon />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { me, clear, expired } = useSession();
  const { orgId } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [navOpened, nav] = useDisclosure(false);
  const [createOpened, create] = useDisclosure(false);
  const isDesktop = useMediaQuery('(min-width: 48em)');
  const badges = useNavBadges(NAV_ENTRIES, me && orgId ? orgId : undefined, location.pathname);

  useEffect(() => {
    // close the mobile navigation whenever the page changes
    nav.close();
  }, [location.pathname]);

  const orgContext = useMemo<OrgContextValue | null>(() => {
    if (!me || !orgId) return null;
    const membership = me.memberships.find((m) => m.organization.id === orgId);
    return membership ? { orgId, membership, role: membership.role } : null;
  }, [me, orgId]);

  if (me === undefined) return <FullPageLoader />;
  if (me === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace state={{ expired }} />;
  }

  const logout = async () => {
    try {
      await api.logout();
    } catch (error) {
      notifyError(error);
    }
    void navigate('/login', { replace: true });
    clear();
    notifySuccess(t('header.loggedOut'));
  };

  const accountPath = orgId ? `/orgs/${orgId}/account` : '/account';
  const section = currentSection(location.pathname);
  const role = orgContext?.role;
  const arranged = orgContext
    ? arrangeNav(NAV_ENTRIES, profileOf(orgContext.membership))
    : { main: NAV_ENTRIES.filter((e) => e.global), more: [] };
  // An entry with something waiting (a badge) is not left under "more".
  const menu = {
    main: [...arranged.main, ...arranged.more.filter((e) => (badges[e.section] ?? 0) > 0)].sort(
      (a, b) => a.order - b.order,
    ),
    more: arranged.more.filter((e) => (badges[e.section] ?? 0) === 0),
  };
  const moreActive = menu.more.some((e) => e.section === section);
  const navLink = (entry: NavEntry) => {
    const active =
      section === entry.section || (entry.global === true && location.pathname === `/${entry.section}`);
    return (
      <NavLink
        key={entry.section}
        component={Link}
        to={orgContext ? `/orgs/${orgContext.orgId}/${entry.section}` : `/${entry.section}`}
        label={typeof entry.label === 'string' ? t(`nav.${entry.label}`) : entry.label[lang]}
        leftSection={<entry.icon />}
        rightSection={
          (badges[entry.section] ?? 0) > 0 ? (
            <Badge
              size="sm"
              circle
              color="red"
              aria-label={t('nav.waiting', { count: badges[entry.section] })}
              data-testid={`nav-badge-${entry.section}`}
            >
              {badges[entry.section]}
            </Badge>
          ) : undefined
        }
        active={active}
        aria-current={active ? 'page' : undefined}
      />
    );
  };
  const switcher = (
    <OrgSwitcher
      memberships={me.memberships}
      orgId={orgContext ? orgId : undefined}
      onCreate={create.open}
      fullWidth={!isDesktop}
    />
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={navOpened}
            />
            <Anchor component={Link} to="/" underline="never" c="indigo.8" aria-label={t('app.name')}>
              <Group gap={6} wrap="nowrap">
                <ShieldIcon />
                <Text fw={700} size="lg" visibleFrom="xs">
                  {t('app.name')}
                </Text>
              </Group>
            </Anchor>
            {isDesktop ? switcher : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('header.userMenu', { name: me.user.displayName })}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size="sm" color="indigo" name={me.user.displayName} />
                    <Text size="sm" visibleFrom="md" maw={160} truncate="end">
                      {me.user.displayName}
                    </Text>
                    <ChevronDownIcon />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.user.email}</Menu.Label>
                <Menu.Item component={Link} to={accountPath}>
                  {t('header.account')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" onClick={() => void logout()}>
                  {t('header.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {!isDesktop ? <AppShell.Section mb="sm">{switcher}</AppShell.Section> : null}
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {menu.main.map(navLink)}
            {menu.more.length > 0 ? (
              <NavLink
                key={`more-${orgId ?? ''}`}
                label={t('nav.more')}
                leftSection={<NavIcons.more />}
                defaultOpened={moreActive}
                childrenOffset="sm"
              >
                {menu.more.map(navLink)}
              </NavLink>
            ) : null}
          </Stack>
        </AppShell.Section>
        {orgContext ? (
          <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Text size="xs" c="dimmed" truncate="end">
              {orgContext.membership.organization.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${orgContext.role}`)}
            </Text>
          </AppShell.Section>
        ) : null}
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        {orgId && !orgContext ? (
          <Alert color="yellow" title={t('app.orgNotFound')}>
            <Button component={Link} to="/" variant="light" mt="sm">
              {t('app.home')}
            </Button>
          </Alert>
        ) : role && !sectionAllowed(section, role) ? (
          <Alert color="yellow" title={t('app.forbidden')}>
            <Button component={Link} to={`/orgs/${orgId ?? ''}/overview`} variant="light" mt="sm">
              {t('nav.overview')}
            </Button>
          </Alert>
        ) : (
          <OrgContext.Provider value={orgContext} key={orgId ?? ''}>
            <Outlet />
          </OrgContext.Provider>
        )}
        {me.memberships.length === 0 && !orgId ? (
          <Alert color="indigo" mt="lg" title={t('header.noOrganization')}>
            <Button mt="sm" leftSection={<PlusIcon />} onClick={create.open}>
              {t('header.createOrg')}
            </Button>
          </Alert>
        ) : null}
      </AppShell.Main>

      <CreateOrgModal opened={createOpened} onClose={create.close} />
    </AppShell>
  );
}

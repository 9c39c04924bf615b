import { describe, expect, it } from 'vitest';
import { nav as assessmentsNav } from './assessments/nav';
import { nav as cpsfNav } from './cpsf/nav';
import { nav as governanceNav } from './governance/nav';
import { nav as libraryNav } from './library/nav';
import { nav as platformNav } from './platform/nav';
import { nav as smeNav } from './sme/nav';
import { nav as softwareNav } from './software/nav';
import {
  arrangeNav,
  LARGER_SIZES,
  navAllowed,
  navPlacement,
  rolesWith,
  type NavRule,
  type OrgProfile,
} from './visibility';

const entry = (section: string, order: number, rule: NavRule = {}) => ({ section, order, ...rule });

// The menu as the modules declare it (modules/*/nav.ts), without icons and labels.
const MENU = [
  entry('overview', 10),
  entry('sme', 20),
  entry('governance', 30, { sizes: LARGER_SIZES }),
  entry('cpsf', 40, { sizes: LARGER_SIZES }),
  entry('software', 50, { sizes: LARGER_SIZES }),
  entry('assessments', 60, { sizes: LARGER_SIZES }),
  entry('catalogs', 70, { sizes: LARGER_SIZES }),
  entry('members', 80),
  entry('invitations', 90, { sizes: LARGER_SIZES }),
  entry('relationships', 100, { sizes: LARGER_SIZES }),
  entry('shared', 110),
  entry('tokens', 120, { sizes: LARGER_SIZES, roles: rolesWith('tokens.manage') }),
  entry('audit', 130, { sizes: LARGER_SIZES, roles: rolesWith('audit.read') }),
  entry('account', 140),
];

const sections = (entries: { section: string }[]) => entries.map((e) => e.section);
const org = (profile: Partial<OrgProfile>): OrgProfile => ({
  kind: 'supplier',
  size: null,
  role: 'owner',
  ...profile,
});

describe('navigation visibility', () => {
  it('derives the roles of an entry from the permissions of @shinrai/core', () => {
    expect(rolesWith('tokens.manage')).toEqual(['owner', 'admin']);
    expect(rolesWith('audit.read')).toEqual(['owner', 'auditor']);
  });

  it('a micro or small company sees the essentials, the rest under "more"', () => {
    for (const size of ['micro', 'small'] as const) {
      const { main, more } = arrangeNav(MENU, org({ size }));
      expect(sections(main)).toEqual(['overview', 'sme', 'members', 'shared', 'account']);
      expect(sections(more)).toEqual([
        'governance',
        'cpsf',
        'software',
        'assessments',
        'catalogs',
        'invitations',
        'relationships',
        'tokens',
        'audit',
      ]);
    }
  });

  it('larger organizations, and those without a recorded size, see everything their role allows', () => {
    for (const size of ['medium', 'large', null] as const) {
      const owner = arrangeNav(MENU, org({ kind: 'enterprise', size }));
      expect(sections(owner.main)).toEqual(sections(MENU));
      expect(owner.more).toEqual([]);
      const member = arrangeNav(MENU, org({ kind: 'enterprise', size, role: 'member' }));
      expect(sections(member.main)).toEqual(sections(MENU).filter((s) => s !== 'tokens' && s !== 'audit'));
    }
  });

  it('roles hide entries everywhere, also under "more"', () => {
    const auditor = arrangeNav(MENU, org({ size: 'micro', role: 'auditor' }));
    expect(sections(auditor.more)).toContain('audit');
    expect(sections(auditor.more)).not.toContain('tokens');
    const viewer = arrangeNav(MENU, org({ size: 'small', role: 'viewer' }));
    expect(sections([...viewer.main, ...viewer.more])).not.toContain('audit');
    expect(navAllowed(MENU[11] ?? {}, 'admin')).toBe(true);
    expect(navAllowed(MENU[12] ?? {}, 'admin')).toBe(false);
  });

  it('an entry meant for some kinds shows under "more" for the others', () => {
    const rule: NavRule = { kinds: ['enterprise', 'hub'] };
    expect(navPlacement(rule, org({ kind: 'hub' }))).toBe('main');
    expect(navPlacement(rule, org({ kind: 'provider', size: 'large' }))).toBe('more');
    expect(navPlacement({ ...rule, roles: ['owner'] }, org({ kind: 'provider', role: 'member' }))).toBe(
      'hidden',
    );
  });

  it('the modules declare the menu above', () => {
    const declared = [
      platformNav,
      libraryNav,
      assessmentsNav,
      smeNav,
      governanceNav,
      cpsfNav,
      softwareNav,
    ].flat();
    const rules = (entries: (NavRule & { section: string; order: number })[]) =>
      entries
        .map(({ section, order, roles, kinds, sizes }) => ({ section, order, roles, kinds, sizes }))
        .sort((a, b) => a.order - b.order);
    expect(rules(declared)).toEqual(rules(MENU));
  });

  it('keeps the declared order whatever order the modules list their entries in', () => {
    const { main } = arrangeNav([...MENU].reverse(), org({ size: 'large' }));
    expect(sections(main)).toEqual(sections(MENU));
  });
});

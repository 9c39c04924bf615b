import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';

interface AuditItem {
  action: string;
  actorUserId: string | null;
  details: Record<string, unknown>;
}

// Four-eyes review: with the organization's setting on, the submitter or the last editor of an answer
// cannot approve; someone else can. Runs on SQLite, and on PostgreSQL under `npm run test:pg`.
describe('four-eyes review of assessments', () => {
  let t: TestApp;
  let admin: Client;
  let reviewer: Client;
  let member: Client;
  let orgId: string;
  let catalogId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t));
    reviewer = await addMember(t, admin, orgId, 'reviewer@example.jp', 'admin');
    member = await addMember(t, admin, orgId, 'member@example.jp', 'member');
    const cats = json<{ items: { id: string; urn: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/catalogs`),
    );
    catalogId = cats.items.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  const settings = (c: Client) => c.get(`/api/orgs/${orgId}/assessment-settings`);
  const setFourEyes = (c: Client, fourEyes: boolean) =>
    c.req('PUT', `/api/orgs/${orgId}/assessment-settings`, { fourEyes });
  const move = (c: Client, id: string, to: string) =>
    c.post(`/api/orgs/${orgId}/assessments/${id}/status`, { to });

  /** An assessment `editor` answered and `submitter` sent to review. */
  async function submitted(editor: Client, submitter: Client): Promise<string> {
    const id = json<{ assessment: { id: string } }>(
      await editor.post(`/api/orgs/${orgId}/assessments`, { catalogId, title: '四つの目' }),
    ).assessment.id;
    const put = await editor.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/1`, {
      value: { kind: 'choice', value: 'yes' },
      revision: 0,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await move(submitter, id, 'in_review')).statusCode).toBe(200);
    return id;
  }

  it('is off by default, and only owners and admins change it', async () => {
    expect(json<{ settings: { fourEyes: boolean } }>(await settings(member)).settings.fourEyes).toBe(false);
    expect((await setFourEyes(member, true)).statusCode).toBe(403);
    expect(json<{ settings: { fourEyes: boolean } }>(await settings(admin)).settings.fourEyes).toBe(false);
  });

  it('lets the same person answer, submit and approve while it is off', async () => {
    const id = await submitted(admin, admin);
    expect((await move(admin, id, 'approved')).statusCode).toBe(200);
  });

  it('refuses the submitter and the last editor when it is on, and lets another reviewer approve', async () => {
    const res = await setFourEyes(admin, true);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ settings: { fourEyes: boolean } }>(await settings(member)).settings.fourEyes).toBe(true);

    const own = await submitted(admin, admin);
    const refused = await move(admin, own, 'approved');
    expect(refused.statusCode).toBe(409);
    const body = json<{ error: { code: string; message: string; details: { reason: string } } }>(refused);
    expect(body.error.code).toBe('four_eyes_required');
    expect(body.error.details.reason).toBe('submitter');
    expect(body.error.message).toContain('承認');
    const en = await admin.req(
      'POST',
      `/api/orgs/${orgId}/assessments/${own}/status`,
      { to: 'approved' },
      { 'accept-language': 'en' },
    );
    expect(json<{ error: { message: string } }>(en).error.message).toMatch(/cannot approve/);
    const still = json<{ assessment: { status: string } }>(
      await admin.get(`/api/orgs/${orgId}/assessments/${own}`),
    );
    expect(still.assessment.status).toBe('in_review');
    expect((await move(reviewer, own, 'approved')).statusCode).toBe(200);

    // The admin edited the answers, a member submitted: the admin is still the last editor.
    const edited = await submitted(admin, member);
    const asEditor = await move(admin, edited, 'approved');
    expect(asEditor.statusCode).toBe(409);
    expect(json<{ error: { details: { reason: string } } }>(asEditor).error.details.reason).toBe(
      'last_editor',
    );
    expect((await move(reviewer, edited, 'approved')).statusCode).toBe(200);
  });

  it('allows the same person again once it is turned off, and audits each change', async () => {
    expect((await setFourEyes(reviewer, false)).statusCode).toBe(200);
    const id = await submitted(admin, admin);
    expect((await move(admin, id, 'approved')).statusCode).toBe(200);
    const audit = json<{ items: AuditItem[] }>(await admin.get(`/api/orgs/${orgId}/audit?limit=200`)).items;
    const changes = audit.filter((e) => e.action === 'assessment.settings').map((e) => e.details.fourEyes);
    expect(changes).toEqual(
      expect.arrayContaining([
        { from: false, to: true },
        { from: true, to: false },
      ]),
    );
    const approvals = audit.filter((e) => e.action === 'assessment.status' && e.details.fourEyes === true);
    expect(approvals).toHaveLength(2);
  });
});

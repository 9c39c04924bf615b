import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, makeApp, setupInstance, type Client, type TestApp } from '../helpers/app.ts';

interface Catalog {
  id: string;
  urn: string;
  builtin: boolean;
}

describe('pre-filling through a mapping', () => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let smeId: string;
  let rulesId: string;
  let mappingId: string;

  beforeAll(async () => {
    t = await makeApp('sqlite');
    ({ admin, orgId } = await setupInstance(t));
    const cats = json<{ items: Catalog[] }>(await admin.get(`/api/orgs/${orgId}/catalogs`)).items;
    smeId = cats.find((c) => c.urn === 'urn:shinrai:catalog:ipa-sme-self-check')?.id ?? '';
    rulesId = cats.find((c) => c.urn === 'urn:shinrai:catalog:ipa-five-rules')?.id ?? '';
    const maps = json<{ items: { id: string; source: string; target: string; entries: unknown[] }[] }>(
      await admin.get(`/api/orgs/${orgId}/mappings`),
    ).items;
    const m = maps.find(
      (x) =>
        x.source === 'urn:shinrai:catalog:ipa-sme-self-check' &&
        x.target === 'urn:shinrai:catalog:ipa-five-rules',
    );
    expect(m?.entries).toHaveLength(5);
    mappingId = m?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  const create = async (catalogId: string, title: string) =>
    json<{ assessment: { id: string } }>(
      await admin.post(`/api/orgs/${orgId}/assessments`, { catalogId, title }),
    ).assessment.id;
  const put = (id: string, ref: string, value: string, revision = 0) =>
    admin.req('PUT', `/api/orgs/${orgId}/assessments/${id}/answers/${ref}`, {
      value: { kind: 'choice', value },
      revision,
    });

  it('previews, then applies only to unanswered items and never overwrites', async () => {
    const sme = await create(smeId, '自社診断');
    await put(sme, '1', 'yes');
    await put(sme, '2', 'partial');
    await put(sme, '3', 'yes');
    await put(sme, '4', 'unknown');
    const rules = await create(rulesId, '5か条');
    // A person already answered rule 3 themselves: it must stay as they said.
    const own = json<{ answer: { value: unknown } }>(await put(rules, '3', 'not_yet'));

    const preview = json<{ proposals: { target: string; value: { value: string } }[]; applied: number }>(
      await admin.post(`/api/orgs/${orgId}/assessments/${rules}/prefill`, {
        sourceAssessmentId: sme,
        mappingSetId: mappingId,
      }),
    );
    expect(preview.applied).toBe(0);
    // yes → declared; partial (half) cannot claim "declared" → the conservative "not yet"; unknown → nothing; 3 already answered.
    expect(preview.proposals.map((p) => [p.target, p.value.value]).sort()).toEqual([
      ['1', 'declared'],
      ['2', 'not_yet'],
    ]);
    const before = json<{ answers: { ref: string }[] }>(
      await admin.get(`/api/orgs/${orgId}/assessments/${rules}`),
    );
    expect(before.answers.map((a) => a.ref)).toEqual(['3']);

    const applied = json<{ applied: number }>(
      await admin.post(`/api/orgs/${orgId}/assessments/${rules}/prefill`, {
        sourceAssessmentId: sme,
        mappingSetId: mappingId,
        apply: true,
      }),
    );
    expect(applied.applied).toBe(2);
    const body = json<{ answers: { ref: string; value: unknown }[] }>(
      await admin.get(`/api/orgs/${orgId}/assessments/${rules}`),
    );
    expect(body.answers.find((a) => a.ref === '3')?.value).toEqual(own.answer.value);
    expect(body.answers.map((a) => a.ref).sort()).toEqual(['1', '2', '3']);

    const again = json<{ applied: number; proposals: unknown[] }>(
      await admin.post(`/api/orgs/${orgId}/assessments/${rules}/prefill`, {
        sourceAssessmentId: sme,
        mappingSetId: mappingId,
        apply: true,
      }),
    );
    expect(again).toEqual({ proposals: [], applied: 0 });
  });

  it('refuses a mapping that does not fit the two catalogs', async () => {
    const a = await create(smeId, 'a');
    const b = await create(smeId, 'b');
    const res = await admin.post(`/api/orgs/${orgId}/assessments/${b}/prefill`, {
      sourceAssessmentId: a,
      mappingSetId: mappingId,
    });
    expect(res.statusCode).toBe(409);
  });
});

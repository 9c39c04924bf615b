import { licenseReport, type LicenseReport } from '@shinrai/core';
import { getSoftwareLicensePolicy, listSoftwareComponents, putSoftwareLicensePolicy } from '@shinrai/store';
import { write, type Ctx } from '../../../platform/context.ts';
import { requireRelease } from './releases.ts';

export interface Policy {
  allow: string[];
  deny: string[];
}

/** The organization's license policy (empty lists when none is set). */
export async function getLicensePolicy(ctx: Ctx): Promise<Policy> {
  return (await getSoftwareLicensePolicy(ctx.deps.store.db, ctx.orgId)) ?? { allow: [], deny: [] };
}

export async function setLicensePolicy(ctx: Ctx, input: Policy): Promise<Policy> {
  await write(ctx, async (tx) => {
    await putSoftwareLicensePolicy(tx.trx, ctx.orgId, input, ctx.now.toISOString());
    await tx.audit('software.license_policy.set', null, { allow: input.allow, deny: input.deny });
  });
  return input;
}

/** The release's components checked against the policy (the rules: packages/core licenseReport). */
export async function releaseLicenses(
  ctx: Ctx,
  input: { releaseId: string },
): Promise<LicenseReport & { policy: Policy }> {
  const db = ctx.deps.store.db;
  const r = await requireRelease(db, ctx.orgId, input.releaseId);
  const policy = await getLicensePolicy(ctx);
  return { policy, ...licenseReport(await listSoftwareComponents(db, ctx.orgId, r.id), policy) };
}

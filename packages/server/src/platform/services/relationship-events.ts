import type { Database } from '@shinrai/store';
import type { Transaction } from 'kysely';
import type { Deps } from '../deps.ts';
import type { EndedRelationship, ServerModule } from '../module.ts';

type Hook = NonNullable<ServerModule['relationshipEnded']>;

/** The modules' hooks (modules/index.ts), filled once when the app is built; the platform names no module. */
let hooks: readonly Hook[] = [];

export function registerRelationshipHooks(modules: readonly ServerModule[]): void {
  hooks = modules.flatMap((m) => (m.relationshipEnded ? [m.relationshipEnded] : []));
}

/** Runs every module's hook for a relationship that just ended, in the caller's transaction. */
export async function relationshipEnded(
  deps: Deps,
  trx: Transaction<Database>,
  ended: EndedRelationship,
): Promise<void> {
  for (const hook of hooks) await hook(deps, trx, ended);
}

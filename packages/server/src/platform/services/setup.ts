import { countUsers, getSetting, setSetting } from '@shinrai/store';
import type { Deps } from '../deps.ts';
import { humanCode, sha256 } from '../auth/secrets.ts';

export const SETUP_CODE_KEY = 'setup_code_hash';

/**
 * On a fresh instance (no users), makes a one-time setup code and returns it so the caller can print it
 * in the log; only someone who can read the server log can claim the instance.
 */
export async function prepareSetupCode(deps: Deps): Promise<string | null> {
  if ((await countUsers(deps.store.db)) > 0) return null;
  const code = deps.config.setupCode ?? humanCode();
  await setSetting(deps.store.db, SETUP_CODE_KEY, sha256(normalizeSetupCode(code)));
  return code;
}

export function normalizeSetupCode(code: string): string {
  return code.trim().toUpperCase();
}

export async function needsSetup(deps: Deps): Promise<boolean> {
  return (await countUsers(deps.store.db)) === 0;
}

export async function setupCodeHash(deps: Deps): Promise<string | null> {
  return getSetting(deps.store.db, SETUP_CODE_KEY);
}

import { insertSession } from '@shinrai/store';
import type { Executor } from '@shinrai/store';
import { randomToken, sha256 } from '../auth/secrets.ts';
import type { Deps } from '../deps.ts';

export interface NewSession {
  token: string;
  csrfToken: string;
  maxAgeSeconds: number;
}

/** Creates a session; `mfa` sessions only allow the second-factor step and live five minutes. */
export async function createSession(
  deps: Deps,
  ex: Executor,
  userId: string,
  stage: 'full' | 'mfa',
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = deps.now();
  const maxAgeSeconds = stage === 'full' ? deps.config.sessionHours * 3600 : 300;
  await insertSession(ex, {
    id: sha256(token),
    user_id: userId,
    stage,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
  });
  return { token, csrfToken, maxAgeSeconds };
}

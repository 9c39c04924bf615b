// The scheduled advisory feed (脆弱性情報の定期取得): sources, their schedules and the status of their runs.
// Everyone reads the status; instance administrators configure sources and ask for runs.
import { http, send } from './client';
import type { BodyOf, ResponseOf } from './schema';

type FeedRoute<P extends string> = `/api/orgs/{orgId}/software/advisories/feed${P}`;

export type FeedStatus = ResponseOf<FeedRoute<''>, 'get'>;
export type FeedSource = FeedStatus['sources'][number];
export type FeedSourceInput = BodyOf<FeedRoute<'/sources'>, 'post'>;

export const advisoryFeedApi = {
  status: (orgId: string) =>
    send(http.GET('/api/orgs/{orgId}/software/advisories/feed', { params: { path: { orgId } } })),
  create: (orgId: string, body: FeedSourceInput) =>
    send(
      http.POST('/api/orgs/{orgId}/software/advisories/feed/sources', { params: { path: { orgId } }, body }),
    ),
  update: (orgId: string, sourceId: string, body: FeedSourceInput) =>
    send(
      http.PATCH('/api/orgs/{orgId}/software/advisories/feed/sources/{sourceId}', {
        params: { path: { orgId, sourceId } },
        body,
      }),
    ),
  runNow: (orgId: string, sourceId: string) =>
    send(
      http.POST('/api/orgs/{orgId}/software/advisories/feed/sources/{sourceId}/run', {
        params: { path: { orgId, sourceId } },
      }),
    ),
};

/** Age in the largest whole unit (minutes, hours, days), for "3 時間前" / "3 hours ago". */
export function feedAge(seconds: number): { unit: 'minutes' | 'hours' | 'days'; n: number } {
  if (seconds < 3600) return { unit: 'minutes', n: Math.floor(seconds / 60) };
  if (seconds < 86_400) return { unit: 'hours', n: Math.floor(seconds / 3600) };
  return { unit: 'days', n: Math.floor(seconds / 86_400) };
}

// The TAXII source's last error, as stored by the server, read back into a message key (no React here).
const FETCH_PROBLEMS = ['scheme', 'private_address', 'timeout', 'network', 'too_large'] as const;

type FetchErrorKey = (typeof FETCH_PROBLEMS)[number] | 'auth' | 'notFound' | 'http';

/**
 * A source's last error explained: the server keeps a short technical line ("page 2: network (getaddrinfo
 * ENOTFOUND …)", "page 1: HTTP 401"); the known shapes map to a message in the reader's language (the
 * technical detail kept beside it); anything else is null and shown as stored.
 */
export function sourceError(
  raw: string,
): { key: FetchErrorKey; page: string; status?: number; detail?: string } | null {
  const fetch = /^page (\d+): ([a-z_]+)(?: \((.*)\))?$/.exec(raw);
  const problem = FETCH_PROBLEMS.find((p) => p === fetch?.[2]);
  if (fetch?.[1] && problem)
    return { key: problem, page: fetch[1], ...(fetch[3] ? { detail: fetch[3] } : {}) };
  const http = /^page (\d+): HTTP (\d{3})$/.exec(raw);
  if (http?.[1] && http[2]) {
    const status = Number(http[2]);
    const key = status === 401 || status === 403 ? 'auth' : status === 404 ? 'notFound' : 'http';
    return { key, page: http[1], status };
  }
  return null;
}

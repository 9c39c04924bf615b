import type { FastifyReply, FastifyRequest } from 'fastify';

/** The TAXII 2.1 media type of every response (and of every acceptable request). */
export const TAXII_MEDIA = 'application/taxii+json;version=2.1';
export const STIX_MEDIA = 'application/stix+json;version=2.1';

/** A TAXII error: answered as the spec's error message, not the platform's error body. */
export class TaxiiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly description?: string,
  ) {
    super(title);
  }
}

export function taxiiFail(status: number, title: string, description?: string): never {
  throw new TaxiiError(status, title, description);
}

/** Sends a TAXII body with the TAXII media type (never cached on the way: it is a member's data). */
export function sendTaxii(reply: FastifyReply, body: unknown, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', TAXII_MEDIA)
    .header('cache-control', 'no-store')
    .send(Buffer.from(JSON.stringify(body)));
}

export function sendTaxiiError(reply: FastifyReply, err: TaxiiError): FastifyReply {
  if (err.status === 401) void reply.header('www-authenticate', 'Basic realm="taxii2", charset="UTF-8"');
  return sendTaxii(
    reply,
    {
      title: err.title,
      ...(err.description ? { description: err.description } : {}),
      http_status: String(err.status),
    },
    err.status,
  );
}

/**
 * Whether the Accept header allows a TAXII 2.1 response: absent, `*\/*`, `application/*`, or
 * `application/taxii+json` without a version or with version 2.1 (and q > 0).
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const args = new Map(
      params.map((p) => {
        const i = p.indexOf('=');
        return [
          p.slice(0, i).trim(),
          p
            .slice(i + 1)
            .trim()
            .replace(/^"|"$/g, ''),
        ] as const;
      }),
    );
    if (args.has('q') && !(Number(args.get('q')) > 0)) return false;
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = args.get('version');
    return version === undefined || version === '2.1';
  });
}

/** The API token secret of a request: `Authorization: Bearer <token>` or HTTP Basic with the token as password. */
export function credentialOf(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (!auth) return undefined;
  if (/^bearer /i.test(auth)) return auth.slice(7).trim() || undefined;
  if (/^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) || undefined : undefined;
  }
  return undefined;
}

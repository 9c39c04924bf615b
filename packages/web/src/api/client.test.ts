// The generated-client wrapper keeps the behaviour of the hand-written one: headers (Accept-Language, CSRF on
// writes), `{}` for a POST without a body, multipart uploads, 204, the localized ApiError and 401 handling.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from './client';
import type * as SoftwareModule from './software';

type Client = typeof ClientModule;
type Software = typeof SoftwareModule;

const calls: Request[] = [];
let answer: () => Response = () => Response.json({});
let client: Client;
let software: Software;

beforeAll(async () => {
  // openapi-fetch takes fetch and Request when the client is created; the app's paths are relative, which
  // Node's Request only accepts with a base.
  class RelativeRequest extends Request {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, 'http://shinrai.test') : input, init);
    }
  }
  vi.stubGlobal('Request', RelativeRequest);
  vi.stubGlobal('fetch', async (request: Request) => {
    calls.push(request);
    return answer();
  });
  client = await import('./client');
  software = await import('./software');
});

afterEach(() => {
  calls.length = 0;
  answer = () => Response.json({});
  client.setCsrfToken(null);
  client.configureClient({ onUnauthenticated: () => undefined });
});

describe('api client', () => {
  it('sends Accept-Language, and the CSRF token on writes only', async () => {
    client.configureClient({ getLanguage: () => 'en' });
    client.setCsrfToken('token-1');
    answer = () => Response.json({ items: [], nextCursor: null });
    await client.api.members('org 1', 'c/2');
    const get = calls[0]!;
    expect(get.method).toBe('GET');
    expect(get.url).toBe('http://shinrai.test/api/orgs/org%201/members?limit=50&cursor=c%2F2');
    expect(get.headers.get('accept-language')).toBe('en');
    expect(get.headers.get('x-csrf-token')).toBeNull();

    answer = () => Response.json({ member: {} });
    await client.api.updateMember('o', 'u', 'admin');
    const patch = calls[1]!;
    expect(patch.method).toBe('PATCH');
    expect(patch.headers.get('x-csrf-token')).toBe('token-1');
    expect(patch.headers.get('content-type')).toBe('application/json');
    expect(await patch.json()).toEqual({ role: 'admin' });
  });

  it('sends {} for a POST without a body and handles 204', async () => {
    answer = () => new Response(null, { status: 204 });
    await expect(client.api.logout()).resolves.toBeUndefined();
    expect(calls[0]!.headers.get('content-type')).toBe('application/json');
    expect(await calls[0]!.text()).toBe('{}');
  });

  it('uploads multipart forms with the CSRF token', async () => {
    client.setCsrfToken('token-2');
    answer = () => Response.json({ format: 'openvex', applied: 1, unmatched: [] });
    const file = new File(['{}'], 'vex.json', { type: 'application/json' });
    await expect(software.softwareApi.importVex('o', 'r', file)).resolves.toEqual({
      format: 'openvex',
      applied: 1,
      unmatched: [],
    });
    const post = calls[0]!;
    expect(post.url).toBe('http://shinrai.test/api/orgs/o/software/releases/r/vex');
    expect(post.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(post.headers.get('x-csrf-token')).toBe('token-2');
    const form = await post.formData();
    expect((form.get('file') as File).name).toBe('vex.json');
  });

  it('throws the localized ApiError of the server, and reports an ended session', async () => {
    const ended = vi.fn();
    client.configureClient({ onUnauthenticated: ended });
    answer = () =>
      Response.json(
        { error: { code: 'conflict', message: '競合しました', details: [{ pointer: '/name' }] } },
        { status: 409 },
      );
    const error = await client.api
      .createOrganization({ name: 'x', kind: 'supplier' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.ApiError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: '競合しました' });
    expect((error as InstanceType<Client['ApiError']>).details).toEqual([{ pointer: '/name' }]);

    answer = () => Response.json({ error: { code: 'unauthenticated', message: '…' } }, { status: 401 });
    await expect(client.api.catalogs('o')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(ended).toHaveBeenCalledTimes(1);
    await expect(client.api.me()).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('gives a fallback error without an error body, and status 0 when the network fails', async () => {
    client.configureClient({ fallbackMessage: (kind) => `fallback:${kind}` });
    answer = () => new Response('<html>bad gateway</html>', { status: 502 });
    await expect(client.api.health()).rejects.toMatchObject({
      status: 502,
      code: 'internal',
      message: 'fallback:unknown',
    });
    answer = () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(client.api.health()).rejects.toMatchObject({
      status: 0,
      code: 'network',
      message: 'fallback:network',
    });
  });

  it('builds download URLs of described routes', () => {
    expect(client.api.assessmentPdfUrl('o', 'a/1', 'en')).toBe(
      '/api/orgs/o/assessments/a%2F1/report.pdf?lang=en',
    );
    expect(client.api.governanceReportUrl('o', 'xlsx', 'ja')).toBe(
      '/api/orgs/o/governance/report.xlsx?lang=ja',
    );
    expect(software.softwareApi.vexUrl('o', 'r', 'openvex')).toBe(
      '/api/orgs/o/software/releases/r/vex?format=openvex',
    );
  });
});

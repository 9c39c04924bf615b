import { describe, expect, it } from 'vitest';
import { sourceError } from './sourceError';

describe('sourceError', () => {
  it('reads a fetch problem with its technical detail', () => {
    expect(sourceError('page 1: network (getaddrinfo ENOTFOUND taxii.isac.example.jp)')).toEqual({
      key: 'network',
      page: '1',
      detail: 'getaddrinfo ENOTFOUND taxii.isac.example.jp',
    });
    expect(sourceError('page 3: timeout')).toEqual({ key: 'timeout', page: '3' });
  });

  it('tells authentication and a missing collection from other HTTP errors', () => {
    expect(sourceError('page 1: HTTP 401')).toMatchObject({ key: 'auth', status: 401 });
    expect(sourceError('page 1: HTTP 403')).toMatchObject({ key: 'auth' });
    expect(sourceError('page 2: HTTP 404')).toMatchObject({ key: 'notFound', page: '2' });
    expect(sourceError('page 1: HTTP 502')).toMatchObject({ key: 'http', status: 502 });
  });

  it('leaves other lines as stored', () => {
    expect(sourceError('invalid objects: /objects/0/id required')).toBeNull();
    expect(sourceError('page 1: something new')).toBeNull();
  });
});

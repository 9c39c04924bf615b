// The web app's API types (packages/web/src/api/schema.gen.ts) are generated from the server's OpenAPI
// description. This test generates them again from the real application and fails when the committed file
// is out of date, i.e. when a route schema changed without `npm run api:generate`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaTs, readServerOpenApi, ROOT, SCHEMA_FILE } from '../../scripts/openapi.ts';

describe('generated web API client', () => {
  it('schema.gen.ts matches what the server describes', async () => {
    const expected = await generateSchemaTs(await readServerOpenApi());
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== expected) {
      const a = committed.split('\n');
      const b = expected.split('\n');
      let line = 0;
      while (line < a.length && a[line] === b[line]) line++;
      // The route whose types differ: the nearest `'/api/…': {` line above the first difference.
      const route = a
        .slice(0, line + 1)
        .reverse()
        .find((l) => /^ {2}'\/api\//.test(l));
      const excerpt = [
        `route: ${route?.trim().replace(/: \{$/, '') ?? '?'}`,
        `committed (line ${line + 1}): ${a[line] ?? '<end of file>'}`,
        `server    (line ${line + 1}): ${b[line] ?? '<end of file>'}`,
      ].join('\n');
      expect.fail(
        `${path.relative(ROOT, SCHEMA_FILE)} is out of date with the server's OpenAPI description; ` +
          `run \`npm run api:generate\` and commit the result.\nFirst difference:\n${excerpt}`,
      );
    }
  }, 120_000);
});

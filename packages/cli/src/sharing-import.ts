import { describeStixProblems, importStixFile, noteMessage } from '@shinrai/server';
import path from 'node:path';
import { withOrgFile } from './org-file.ts';
import { t, type Out } from './output.ts';

/**
 * `shinrai sharing import-stix FILE --org <slug>`: the same import as the web upload (limits, located problems,
 * dependency order, idempotent by id + modified), straight into the instance's database. Prints the counts and
 * each skipped object or warning with its JSON pointer; a refused bundle prints its problems and writes nothing.
 */
export async function sharingImportStixCommand(out: Out, file: string, orgSlug: string): Promise<number> {
  return withOrgFile(out, file, orgSlug, async ({ data, org, deps }) => {
    const name = path.basename(file);
    const r = await importStixFile(deps, org.id, data, name, {
      userId: null,
      tokenId: null,
      requestId: 'cli',
    });
    if (!r.ok) {
      for (const p of describeStixProblems(r.problems, out.lang))
        process.stderr.write(`${name} ${p.pointer || '/'}: ${p.message}\n`);
      return out.fail('stixRefused');
    }
    const s = r.summary;
    out.line(
      t(out, 'stixCounts')
        .replace('{added}', String(s.added))
        .replace('{updated}', String(s.updated))
        .replace('{unchanged}', String(s.unchanged))
        .replace('{skipped}', String(s.skipped.length)),
    );
    const notes = [
      ...s.skipped,
      ...s.warnings.filter((w) => !s.skipped.some((k) => k.pointer === w.pointer)),
    ];
    for (const n of notes) out.line(`${n.pointer}: ${noteMessage(n.code, out.lang)}`);
    return 0;
  });
}

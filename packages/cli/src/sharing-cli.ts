import { MAX_JSONL_LINE, parseJsonlLine, sanitizeJsonl, type JsonlInput } from '@shinrai/core/sharing';
import { analysePersons } from '@shinrai/server/modules/sharing';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { t, type Out } from './output.ts';

async function* lines(file: string): AsyncGenerator<[number, string]> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.trim() !== '') yield [n, line];
  }
}

/**
 * `shinrai sharing sanitize --jsonl FILE`: one output line per input line, `{"id", "redactions": [{start, end,
 * category, text}], "indicators": [{type, value, start, end}]}`, offsets in UTF-16 code units of `text`.
 * The whole file is checked first: a bad line is reported (line number and JSON pointer) and nothing is written.
 */
export async function sharingSanitizeCommand(out: Out, file: string): Promise<number> {
  try {
    await stat(file);
  } catch {
    return out.fail('sharingBadLine', file);
  }
  for await (const [n, line] of lines(file)) {
    if (line.length > MAX_JSONL_LINE)
      return out.fail('sharingBadLine', `${t(out, 'line')} ${n}: > ${MAX_JSONL_LINE}`);
    const p = parseJsonlLine(line);
    if (!p.ok) return out.fail('sharingBadLine', `${t(out, 'line')} ${n} ${p.pointer || '/'}: ${p.message}`);
  }
  for await (const [, line] of lines(file)) {
    const input = (parseJsonlLine(line) as { ok: true; value: JsonlInput }).value;
    const persons =
      input.lang === 'ja' || /[\u3040-\u30ff\u4e00-\u9fff]/.test(input.text)
        ? await analysePersons(input.text)
        : [];
    out.line(JSON.stringify(sanitizeJsonl(input, persons)));
  }
  return 0;
}

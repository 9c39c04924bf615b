import type { StixProblem, StixProducer, StixReadObject, StixReadResult } from '@shinrai/core/sharing';
import { setImmediate as nextTurn } from 'node:timers/promises';

// How the checked objects of a bundle or a pull come back from a parse worker: as UTF-8 JSON chunks whose
// memory is moved (not copied) to the caller, which parses one chunk per event-loop turn. Taking 50,000 objects
// back as one structured clone would hold the loop for as long as parsing them did.

/** Objects per chunk: each is parsed on its own turn of the event loop. */
export const CHUNK_OBJECTS = 1_000;

export type StixChunked =
  { ok: true; producer: StixProducer; chunks: Uint8Array[] } | { ok: false; problems: StixProblem[] };

/** In the worker: the objects of a read result as JSON chunks. */
export function toChunks(read: StixReadResult): StixChunked {
  if (!read.ok) return read;
  const utf8 = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < read.objects.length; i += CHUNK_OBJECTS)
    chunks.push(utf8.encode(JSON.stringify(read.objects.slice(i, i + CHUNK_OBJECTS))));
  return { ok: true, producer: read.producer, chunks };
}

/** In the caller: the read result again, one chunk per event-loop turn. */
export async function fromChunks(read: StixChunked): Promise<StixReadResult> {
  if (!read.ok) return read;
  const utf8 = new TextDecoder();
  const objects: StixReadObject[] = [];
  for (const chunk of read.chunks) {
    await nextTurn();
    for (const o of JSON.parse(utf8.decode(chunk)) as StixReadObject[]) objects.push(o);
  }
  return { ok: true, producer: read.producer, objects };
}

import type { RefusalReason } from './reasons.ts';

/** One file of a source: its name inside the archive or folder, and its bytes. */
export interface SourceEntry {
  name: string;
  data: Buffer;
}

/** A readable set of OSV records. `total` counts the .json entries, known before reading any. */
export interface OpenSource {
  ok: true;
  total: number;
  entries(): AsyncGenerator<SourceEntry>;
}

export interface RefusedSource {
  ok: false;
  reason: RefusalReason;
  detail: string;
}

/** Raised while reading entries when the source turns out to be bad half-way. */
export class SourceBroken extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export const isRecordName = (name: string) => /\.(json|ya?ml)$/i.test(name);

/** Records in YAML, as the PyPA advisory database publishes them (`vulns/<package>/PYSEC-….yaml`). */
export const isYamlName = (name: string) => /\.ya?ml$/i.test(name);

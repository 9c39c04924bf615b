import { proposeRedactions, type ReporterTerms } from '@shinrai/core/sharing';

// A log excerpt attached to a report is not published; what describes the attacker in it is proposed as
// indicators. The scan of up to 1,000,000 characters is a parse-worker task (worker-tasks.ts), off the loop.

/** At most this many characters of a log excerpt are scanned. */
export const MAX_LOG_CHARS = 1_000_000;

/** The indicators the sanitizer finds in the start of a text attachment (valid UTF-8, checked before). */
export function logIndicators(bytes: Uint8Array, reporter: ReporterTerms) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('utf8')
    .slice(0, MAX_LOG_CHARS);
  return proposeRedactions({ text, reporter }).indicators.map((i) => ({
    type: i.type,
    value: i.value,
    reason: i.reason,
  }));
}

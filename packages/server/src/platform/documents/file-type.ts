import { fileTypeFromBuffer } from 'file-type';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Types accepted as evidence, by what the content is (not what the name or the browser claims). */
const ALLOWED = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/zip',
]);

/**
 * The content type sniffed from the bytes, or null when it is not an accepted kind of evidence.
 * Files without a signature count as text only when they are valid UTF-8 without control bytes.
 */
export async function sniffEvidenceType(data: Buffer, filename: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(data);
  if (detected) return ALLOWED.has(detected.mime) ? detected.mime : null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (
    text.includes('\uFFFD') ||
    [...data.subarray(0, 65_536)].some((b) => b < 0x09 || (b > 0x0d && b < 0x20))
  )
    return null;
  return /\.csv$/i.test(filename) ? 'text/csv' : 'text/plain';
}

import type { FastifyRequest } from 'fastify';
import { MAX_EVIDENCE_BYTES } from '../../../platform/documents/file-type.ts';
import { fail } from '../campaigns/errors.ts';

/** The `ref` field and the one `file` of an evidence upload (multipart), size-limited while it is read. */
export async function readEvidenceUpload(
  req: FastifyRequest,
): Promise<{ ref: string; file: { name: string; data: Buffer } }> {
  if (!req.isMultipart()) return fail('unsupported_media_type');
  let ref: string | undefined;
  let file: { name: string; data: Buffer } | undefined;
  for await (const part of req.parts({
    limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 2, fieldSize: 1024 },
  })) {
    if (part.type === 'file') {
      try {
        file = { name: part.filename || 'evidence', data: await part.toBuffer() };
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          return fail('evidence_refused', [{ in: 'body', pointer: '/file', message: 'too_large' }]);
        throw err;
      }
    } else if (part.fieldname === 'ref') ref = String(part.value);
  }
  if (!ref) return fail('validation_failed', [{ in: 'body', pointer: '/ref' }]);
  if (!file) return fail('validation_failed', [{ in: 'body', pointer: '/file' }]);
  return { ref, file };
}

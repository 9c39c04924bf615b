import { z } from 'zod';

const Auth = z
  .enum(['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy'])
  .nullable();

/** What was read from an attached .eml; the recipients' addresses and names are already replaced. */
export const EmlSummary = z.object({
  from: z.object({ address: z.string(), name: z.string() }).nullable(),
  replyTo: z.string().nullable(),
  returnPath: z.string().nullable(),
  subject: z.string().nullable(),
  date: z.string().nullable(),
  messageId: z.string().nullable(),
  xMailer: z.string().nullable(),
  auth: z.object({ spf: Auth, dkim: Auth, dmarc: Auth }),
  received: z.array(
    z.object({
      from: z.string().nullable(),
      by: z.string().nullable(),
      with: z.string().nullable(),
      time: z.string().nullable(),
      ips: z.array(z.string()),
    }),
  ),
  body: z.string(),
  urls: z.array(z.string()),
  /** The URLs as shown: `hxxps://host[.]example/…`. */
  defangedUrls: z.array(z.string()),
  attachments: z.array(
    z.object({
      name: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
      sha1: z.string(),
      md5: z.string(),
    }),
  ),
  recipientsRedacted: z.number(),
  /** What the report text left out of this mail (over the report's limit): characters, URL lines, the body's end. */
  textCut: z.object({ chars: z.number(), urls: z.number(), body: z.boolean() }).optional(),
});

/** A file attached to a report, for the hub's analysts and the reporter. */
export const Attachment = z.object({
  id: z.string(),
  kind: z.enum(['eml', 'text']),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  eml: EmlSummary.nullable(),
});

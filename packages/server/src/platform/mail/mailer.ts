import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /**
   * False when no SMTP server is configured: mails only go to the server log, so a link a person
   * needs (an invitation) must be shown to whoever asked for it. Absent means configured.
   */
  readonly configured?: boolean;
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * SMTP through nodemailer when SHINRAI_SMTP_URL is set; otherwise mails are written to the log
 * (so a single-machine evaluation still sees its invitation links).
 */
export function createMailer(smtpUrl: string | undefined, from: string, log: FastifyBaseLogger): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      async send(mail) {
        log.warn({ mail }, 'SMTP is not configured (SHINRAI_SMTP_URL); mail written to the log instead');
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

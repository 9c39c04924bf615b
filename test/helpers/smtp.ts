import { createMailer, type Mailer } from '@shinrai/server';
import type { FastifyBaseLogger } from 'fastify';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

export interface Received {
  envelope: SMTPServerEnvelope;
  mail: ParsedMail;
}

/** The mailer only logs when SMTP is not configured; with an SMTP URL it never does. */
const silentLog = new Proxy({}, { get: () => () => undefined }) as FastifyBaseLogger;

/** A real SMTP server on a free port whose mails land in `inbox`, and a mailer that sends to it. */
export async function startSmtp(inbox: Received[]): Promise<{ smtp: SMTPServer; mailer: Mailer }> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({ envelope: session.envelope, mail });
          done();
        })
        .catch((err: Error) => done(err));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  const mailer = createMailer(`smtp://127.0.0.1:${port}`, 'Shinrai <no-reply@shinrai.example.jp>', silentLog);
  return { smtp, mailer };
}

export const stopSmtp = (smtp: SMTPServer) => new Promise<void>((resolve) => smtp.close(resolve));

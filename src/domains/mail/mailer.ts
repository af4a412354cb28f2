import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { mailOutbox } from './mail.table.ts';

export interface MailMessage {
  tenantId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Records the mail in the outbox and, when SMTP is configured, delivers it. */
  send(message: MailMessage): Promise<{ id: string; delivered: boolean }>;
  readonly smtp: boolean;
}

export function createMailer(config: Config, db: Database): Mailer {
  const transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  return {
    smtp: transport !== null,
    async send(message) {
      const [row] = await db.system((tx) =>
        tx.db
          .insert(mailOutbox)
          .values({ tenantId: message.tenantId, to: message.to, subject: message.subject, text: message.text, html: message.html ?? null })
          .returning({ id: mailOutbox.id }),
      );
      const id = row!.id;
      if (!transport) return { id, delivered: false };
      try {
        await transport.sendMail({ from: config.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
        await db.system((tx) => tx.db.update(mailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(mailOutbox.id, id)));
        return { id, delivered: true };
      } catch (error) {
        await db.system((tx) =>
          tx.db.update(mailOutbox).set({ status: 'failed', error: String((error as Error).message) }).where(eq(mailOutbox.id, id)),
        );
        return { id, delivered: false };
      }
    },
  };
}

import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
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
  let transport: Promise<Transporter> | null = null;
  // nodemailer loads only when SMTP is configured and the first mail goes out.
  const getTransport = (url: string) => {
    transport ??= import('nodemailer').then((m) => m.default.createTransport(url));
    return transport;
  };
  return {
    smtp: Boolean(config.SMTP_URL),
    async send(message) {
      const [row] = await db.system((tx) =>
        tx.db
          .insert(mailOutbox)
          .values({ tenantId: message.tenantId, to: message.to, subject: message.subject, text: message.text, html: message.html ?? null })
          .returning({ id: mailOutbox.id }),
      );
      const id = row!.id;
      if (!config.SMTP_URL) return { id, delivered: false };
      try {
        await (await getTransport(config.SMTP_URL)).sendMail({ from: config.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
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

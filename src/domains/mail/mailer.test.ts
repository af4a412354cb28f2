import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { createTestDatabase } from '../../test/testDatabase.ts';
import { createMailer } from './mailer.ts';

/** A minimal SMTP server on loopback that speaks the real protocol and keeps what it receives. */
function startSmtp(options: { rejectRecipients?: boolean } = {}): Promise<{ server: Server; port: number; messages: string[] }> {
  const messages: string[] = [];
  const server = createServer((socket: Socket) => {
    let data = false;
    let buffer = '';
    let message = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index = buffer.indexOf('\r\n');
      while (index >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (data) {
          if (line === '.') {
            data = false;
            messages.push(message);
            message = '';
            socket.write('250 queued\r\n');
          } else {
            message += `${line}\n`;
          }
        } else {
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') socket.write('250-test\r\n250 8BITMIME\r\n');
          else if (verb === 'MAIL') socket.write('250 ok\r\n');
          else if (verb === 'RCPT') socket.write(options.rejectRecipients ? '550 no such user\r\n' : '250 ok\r\n');
          else if (verb === 'DATA') {
            data = true;
            socket.write('354 go ahead\r\n');
          } else if (verb === 'QUIT') {
            socket.write('221 bye\r\n');
            socket.end();
          } else socket.write('250 ok\r\n');
        }
        index = buffer.indexOf('\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, messages })));
}

describe('mailer', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('without SMTP keeps the mail in the development outbox', async () => {
    const mailer = createMailer(loadConfig({}), db);
    const r = await mailer.send({ tenantId: null, to: 'a@example.org', subject: 'Hallo', text: 'Text' });
    expect(r.delivered).toBe(false);
    const [row] = await db.system((tx) => tx.query<{ status: string }>('SELECT status FROM mail_outbox WHERE id = $1', [r.id]));
    expect(row!.status).toBe('outbox');
  });

  it('delivers over SMTP and records it as sent', async () => {
    const smtp = await startSmtp();
    try {
      const mailer = createMailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Lotse <lotse@example.org>' }), db);
      const r = await mailer.send({ tenantId: null, to: 'b@example.org', subject: 'Zugang', text: 'Willkommen in Lotse' });
      expect(r.delivered).toBe(true);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toContain('Subject: Zugang');
      expect(smtp.messages[0]).toContain('Willkommen in Lotse');
      const [row] = await db.system((tx) => tx.query<{ status: string; sent_at: Date | null }>('SELECT status, sent_at FROM mail_outbox WHERE id = $1', [r.id]));
      expect(row!.status).toBe('sent');
      expect(row!.sent_at).toBeInstanceOf(Date);
    } finally {
      smtp.server.close();
    }
  });

  it('records a refused delivery as failed with the reason, and keeps the mail', async () => {
    const smtp = await startSmtp({ rejectRecipients: true });
    try {
      const mailer = createMailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }), db);
      const r = await mailer.send({ tenantId: null, to: 'c@example.org', subject: 'X', text: 'Y' });
      expect(r.delivered).toBe(false);
      const [row] = await db.system((tx) => tx.query<{ status: string; error: string }>('SELECT status, error FROM mail_outbox WHERE id = $1', [r.id]));
      expect(row!.status).toBe('failed');
      expect(row!.error).toMatch(/550|no such user/i);
    } finally {
      smtp.server.close();
    }
  });
});

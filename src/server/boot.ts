import type { Config } from '../config.ts';
import { FieldCrypto } from '../security/fieldCrypto.ts';
import type { Database } from '../db/database.ts';
import { createAuth } from '../domains/auth/auth.ts';
import { createMailer } from '../domains/mail/mailer.ts';
import { createTranslator } from '../domains/translations/machineTranslation.ts';
import type { AppContext } from './context.ts';

export function createContext(config: Config, db: Database): AppContext {
  const mailer = createMailer(config, db);
  return { config, db, mailer, auth: createAuth(config, db, mailer), translator: createTranslator(config), crypto: FieldCrypto.fromConfig(config) };
}

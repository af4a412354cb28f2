import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Auth } from '../domains/auth/auth.ts';
import type { Mailer } from '../domains/mail/mailer.ts';
import type { Translator } from '../domains/translations/machineTranslation.ts';
import type { FieldCrypto } from '../security/fieldCrypto.ts';

/** Everything a route or service needs from the outside world, built once at boot. */
export interface AppContext {
  config: Config;
  db: Database;
  auth: Auth;
  mailer: Mailer;
  translator: Translator;
  /** encryption at rest of sensitive case data */
  crypto: FieldCrypto;
}

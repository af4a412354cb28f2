import type { Config } from '../../config.ts';
import { AppError } from '../../errors.ts';

/** Machine translation provider. Only real adapters; without one the feature reports so. */
export interface Translator {
  readonly name: string;
  readonly configured: boolean;
  translate(texts: string[], from: string, to: string): Promise<string[]>;
}

export class NotConfiguredTranslator implements Translator {
  readonly name = 'none';
  readonly configured = false;
  async translate(): Promise<string[]> {
    throw new AppError('not_configured', 'Machine translation is not configured (set LIBRETRANSLATE_URL)');
  }
}

/** Adapter for a self-hosted LibreTranslate server (POST /translate with a list of texts). */
export class LibreTranslateTranslator implements Translator {
  readonly name = 'libretranslate';
  readonly configured = true;
  constructor(
    private readonly url: string,
    private readonly apiKey?: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async translate(texts: string[], from: string, to: string): Promise<string[]> {
    if (texts.length === 0) return [];
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.url.replace(/\/$/, '')}/translate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ q: texts, source: from, target: to, format: 'text', ...(this.apiKey ? { api_key: this.apiKey } : {}) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new AppError('upstream_failed', `The translation server is not reachable: ${(error as Error).message}`);
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw new AppError('upstream_failed', `The translation server answered ${response.status}: ${body.slice(0, 200)}`);
    }
    const data = (await response.json()) as { translatedText?: string | string[] };
    const out = Array.isArray(data.translatedText) ? data.translatedText : [data.translatedText ?? ''];
    if (out.length !== texts.length) throw new AppError('upstream_failed', 'The translation server returned an unexpected answer');
    return out;
  }
}

export function createTranslator(config: Config): Translator {
  return config.LIBRETRANSLATE_URL
    ? new LibreTranslateTranslator(config.LIBRETRANSLATE_URL, config.LIBRETRANSLATE_API_KEY)
    : new NotConfiguredTranslator();
}

/** Whether machine translation can be used for this tenant (configured, and not switched off in its settings). */
export function machineTranslationAvailable(translator: Translator, settings: { machineTranslationEnabled?: boolean }): boolean {
  return translator.configured && settings.machineTranslationEnabled !== false;
}

/** 503 before anything is read or written when machine translation cannot be used. */
export function requireMachineTranslation(translator: Translator, settings: { machineTranslationEnabled?: boolean }): void {
  if (!translator.configured) {
    throw new AppError(
      'not_configured',
      'Machine translation is not set up on this server (LIBRETRANSLATE_URL is missing). Translations can still be entered by hand.',
    );
  }
  if (settings.machineTranslationEnabled === false) {
    throw new AppError('not_configured', 'Machine translation is switched off for this municipality. Translations can still be entered by hand.');
  }
}

/** Translates the non-empty fields of a text record in one request; empty fields stay empty. */
export async function translateTextRecord<K extends string>(
  translator: Translator,
  texts: Record<K, string>,
  from: string,
  to: string,
): Promise<Record<K, string>> {
  const keys = (Object.keys(texts) as K[]).filter((k) => texts[k].trim() !== '');
  const translated = await translator.translate(
    keys.map((k) => texts[k]),
    from,
    to,
  );
  const out = { ...texts };
  keys.forEach((k, i) => {
    out[k] = translated[i] ?? '';
  });
  return out;
}

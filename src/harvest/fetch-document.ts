import type { RdfFormat } from '../onboarding/parse-rdf';

/** How one document is asked for: Turtle first, other RDF syntaxes taken when declared. */
export const RDF_ACCEPT =
  'text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.8, application/ld+json;q=0.7';

const FORMATS: Readonly<Record<string, RdfFormat>> = {
  'text/turtle': 'turtle',
  'application/x-turtle': 'turtle',
  'application/n-triples': 'ntriples',
  'application/rdf+xml': 'rdfxml',
  'application/ld+json': 'jsonld',
};

/** The RDF syntax a `Content-Type` declares; none declared is read as Turtle (what was asked for). */
export function rdfFormatOf(contentType: string | null): RdfFormat | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '') return 'turtle';
  return Object.hasOwn(FORMATS, type) ? FORMATS[type] : undefined;
}

export interface FetchSettings {
  timeoutMs: number;
  /** Further attempts after a 5xx, a timeout or a network failure. */
  retries: number;
  userAgent: string;
  /** The wait before the first retry; each later one waits twice as long. */
  backoffMs: number;
  maxBytes: number;
}

export type FetchedDocument =
  | { ok: true; url: string; format: RdfFormat; text: string; attempts: number }
  | { ok: false; reason: string; attempts: number };

type Attempt = { done: FetchedDocument } | { retry: string };

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt(url: string, settings: FetchSettings, attempts: number): Promise<Attempt> {
  try {
    const response = await fetch(url, {
      headers: { accept: RDF_ACCEPT, 'user-agent': settings.userAgent },
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    if (response.status >= 500) return { retry: `HTTP ${response.status}` };
    if (!response.ok) return { done: { ok: false, reason: `HTTP ${response.status}`, attempts } };
    const format = rdfFormatOf(response.headers.get('content-type'));
    if (format === undefined)
      return { done: { ok: false, reason: `not RDF (${response.headers.get('content-type') ?? ''})`, attempts } };
    const text = await response.text();
    if (Buffer.byteLength(text) > settings.maxBytes)
      return { done: { ok: false, reason: `larger than ${settings.maxBytes} bytes`, attempts } };
    return { done: { ok: true, url: response.url || url, format, text, attempts } };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { retry: `timed out after ${settings.timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { retry: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

/**
 * One document over HTTP(S), within a timeout per attempt; a 5xx, a timeout or a network
 * failure is tried again after a doubling wait, anything else is final. Never throws.
 */
export async function fetchDocument(url: string, settings: FetchSettings): Promise<FetchedDocument> {
  let last = '';
  for (let n = 1; n <= settings.retries + 1; n += 1) {
    if (n > 1) await wait(settings.backoffMs * 2 ** (n - 2));
    const result = await attempt(url, settings, n);
    if ('done' in result) return result.done;
    last = result.retry;
  }
  return { ok: false, reason: `${last} (${settings.retries + 1} attempts)`, attempts: settings.retries + 1 };
}

import type { Quad } from 'n3';
import { parseRdf, RdfSyntaxError, type RdfFormat } from '../onboarding/parse-rdf';
import { documentLinks, documentUrl } from './document-links';
import { fetchDocument, type FetchSettings } from './fetch-document';

/** The root of the harvest cannot be fetched or is not RDF: nothing to harvest. */
export class SourceUnreachableError extends Error {
  override name = 'SourceUnreachableError';
}

export interface CrawlSettings extends FetchSettings {
  concurrency: number;
  maxDocuments: number;
}

export interface HarvestedDocument {
  url: string;
  format: RdfFormat;
  quads: Quad[];
}

export interface UnreachableLink {
  url: string;
  reason: string;
  linkedFrom: string;
}

export interface CrawlResult {
  /** In the order they were found (breadth first), however the fetches finished. */
  documents: HarvestedDocument[];
  unreachable: UnreachableLink[];
  /** Links past `maxDocuments`, not fetched. */
  notFetched: string[];
  /** Links to another origin than the root's, not followed. */
  offSite: string[];
}

/** What the crawl reports as each document is done, for a progress line. */
export interface CrawlEvent {
  url: string;
  ok: boolean;
  done: number;
  queued: number;
}

interface Link {
  url: string;
  from: string;
  order: number;
}

async function fetchAndParse(url: string, settings: FetchSettings): Promise<HarvestedDocument | { reason: string }> {
  const fetched = await fetchDocument(url, settings);
  if (!fetched.ok) return { reason: fetched.reason };
  try {
    return {
      url: fetched.url,
      format: fetched.format,
      quads: await parseRdf(fetched.text, fetched.format, fetched.url),
    };
  } catch (error) {
    if (!(error instanceof RdfSyntaxError)) throw error;
    return { reason: `not ${fetched.format} that parses: ${error.message}` };
  }
}

/**
 * Crawls an FAIR Data Point from its root: every document linked by an FDP or DCAT link
 * (on the root's origin) is fetched once, at most `concurrency` at a time and at most
 * `maxDocuments` in all. A link that fails is reported, not thrown; only a root that
 * cannot be fetched or parsed throws `SourceUnreachableError`.
 */
export async function crawlFdp(
  root: string,
  settings: CrawlSettings,
  onDocument: (event: CrawlEvent) => void = () => undefined,
): Promise<CrawlResult> {
  const rootUrl = documentUrl(root);
  if (rootUrl === undefined) throw new SourceUnreachableError(`${root}: not an http(s) URL`);
  const origin = new URL(rootUrl).origin;
  const result: CrawlResult = { documents: [], unreachable: [], notFetched: [], offSite: [] };
  const found: (HarvestedDocument & { order: number })[] = [];
  const seen = new Set<string>([rootUrl]);
  const queue: Link[] = [{ url: rootUrl, from: '', order: 0 }];
  let accepted = 1;
  let started = 0;
  let done = 0;
  const enqueue = (doc: HarvestedDocument, from: string): void => {
    for (const url of documentLinks(doc.quads)) {
      if (seen.has(url)) continue;
      seen.add(url);
      if (new URL(url).origin !== origin) result.offSite.push(url);
      else if (accepted >= settings.maxDocuments) result.notFetched.push(url);
      else queue.push({ url, from, order: (accepted += 1) });
    }
  };
  const visit = async (link: Link): Promise<void> => {
    const outcome = await fetchAndParse(link.url, settings);
    done += 1;
    if ('reason' in outcome) {
      if (link.order === 0) throw new SourceUnreachableError(`${link.url}: ${outcome.reason}`);
      result.unreachable.push({ url: link.url, reason: outcome.reason, linkedFrom: link.from });
    } else {
      found.push({ ...outcome, order: link.order });
      enqueue(outcome, link.url);
    }
    onDocument({ url: link.url, ok: !('reason' in outcome), done, queued: queue.length + (started - done) });
  };
  await pump(queue, settings.concurrency, visit, () => (started += 1));
  result.documents = found.sort((a, b) => a.order - b.order).map(({ order: _order, ...doc }) => doc);
  result.unreachable.sort((a, b) => (a.url < b.url ? -1 : 1));
  return result;
}

/** Runs `visit` over a queue that visits may grow, `limit` at a time, until it is empty and all are done; the first throw rejects. */
function pump(queue: Link[], limit: number, visit: (link: Link) => Promise<void>, onStart: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let active = 0;
    let failed = false;
    const next = (): void => {
      if (failed) return;
      while (active < limit && queue.length > 0) {
        const link = queue.shift() as Link;
        active += 1;
        onStart();
        visit(link).then(
          () => {
            active -= 1;
            next();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    next();
  });
}

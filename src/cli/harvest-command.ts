import { crawlFdp, type CrawlEvent, type CrawlResult } from '../harvest/crawl-fdp';
import { SERVICE_VERSION } from '../info/beacon-identity';
import type { CliOutput } from './cli-output';
import type { ExitCode } from './exit-codes';
import { loadRecords, type LoadCommand } from './load-command';
import { onePerResource } from './one-per-resource';
import type { CliCommand } from './parse-cli-args';
import { recordsOfQuads } from './read-rdf-records';
import { withTargetLock } from './with-target-lock';

type HarvestCommand = Extract<CliCommand, { command: 'harvest' }>;

/** Says who asks, so an FDP's operator can tell a harvest from a browser. */
export const HARVEST_USER_AGENT = `beacon-catalog/${SERVICE_VERSION.replace(/^v/, '')} (harvest)`;

const RETRIES = 2;
const BACKOFF_MS = 250;
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

function progressLine(event: CrawlEvent): string {
  return `harvest: ${event.done} document(s) done, ${event.queued} to go: ${event.ok ? '' : 'unreachable '}${event.url}`;
}

/** At most a few links per line kind, so a summary of a large FDP stays readable. */
function listed(urls: readonly string[]): string {
  const shown = urls.slice(0, 5).join(', ');
  return urls.length > 5 ? `${shown}, and ${urls.length - 5} more` : shown;
}

function summaryLines(root: string, crawl: CrawlResult, maxDocuments: number): string[] {
  const lines = [
    `harvest ${root}: fetched ${crawl.documents.length} document(s); ${crawl.unreachable.length} link(s) unreachable`,
  ];
  for (const u of crawl.unreachable) lines.push(`unreachable: ${u.url} (linked from ${u.linkedFrom}): ${u.reason}`);
  if (crawl.notFetched.length > 0)
    lines.push(
      `not fetched: ${crawl.notFetched.length} link(s) past --max-documents ${maxDocuments}: ${listed(crawl.notFetched)}`,
    );
  if (crawl.offSite.length > 0)
    lines.push(
      `not followed: ${crawl.offSite.length} link(s) to another host than the root's: ${listed(crawl.offSite)}`,
    );
  return lines;
}

/**
 * `harvest`: holding the target's lock (as `load`), crawls the FDP, maps every document's
 * resources and loads them through `load`'s own write path.
 */
export function harvestCommand(command: HarvestCommand, output: CliOutput): Promise<ExitCode> {
  return withTargetLock(command.target, output, async (lock) => {
    const settings = {
      timeoutMs: command.timeoutMs,
      retries: RETRIES,
      backoffMs: BACKOFF_MS,
      userAgent: HARVEST_USER_AGENT,
      maxBytes: MAX_DOCUMENT_BYTES,
    };
    const onDocument = (event: CrawlEvent): void => {
      if (output.isTerminal) output.status(progressLine(event));
    };
    const crawl = await crawlFdp(
      command.url,
      { ...settings, concurrency: command.concurrency, maxDocuments: command.maxDocuments },
      onDocument,
    );
    const notes = summaryLines(command.url, crawl, command.maxDocuments);
    const records = onePerResource(
      crawl.documents.flatMap((doc) => recordsOfQuads(doc.url, doc.quads, (line) => notes.push(line))),
      (line) => notes.push(line),
    );
    const { url: _url, maxDocuments: _m, timeoutMs: _t, concurrency: _c, ...rest } = command;
    const asLoad: LoadCommand = { ...rest, command: 'load', files: [] };
    return loadRecords(asLoad, records, notes, output, lock);
  });
}

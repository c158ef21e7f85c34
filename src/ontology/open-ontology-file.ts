import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { OntologyLoadError, OntologyLoadFailure } from './ontology-load-error';
import { streamLoadError } from './stream-load-error';

export const OntologyFormat = { obographs: 'obographs', owl: 'owl', obo: 'obo' } as const;
export type OntologyFormat = (typeof OntologyFormat)[keyof typeof OntologyFormat];

/** A decompressed byte stream of an ontology file and the format its first bytes show. */
export interface OpenedOntologyFile {
  file: string;
  format: OntologyFormat;
  gzip: boolean;
  /** Paused, positioned at the very first byte. Errors from it should go through `streamLoadError`. */
  stream: Readable;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const OBO_HEADER = /^(?:\[(?:Term|Typedef|Instance)\]|[A-Za-z][\w-]*:\s)/;

/** Which format a decompressed head of a file looks like; `undefined` if none we read. */
export function sniffFormat(head: string): OntologyFormat | undefined {
  if (head.includes('\u0000')) return undefined;
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return OntologyFormat.obographs;
  if (text.startsWith('<')) return OntologyFormat.owl;
  if (OBO_HEADER.test(text)) return OntologyFormat.obo;
  return undefined;
}

async function hasGzipMagic(file: string): Promise<boolean> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const bytes = Buffer.alloc(2);
    const { bytesRead } = await handle.read(bytes, 0, 2, 0);
    return bytesRead === 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  } catch (error) {
    throw streamLoadError(file, error);
  } finally {
    await handle?.close();
  }
}

/** Resolves with the first chunk (left unread in the stream), or `undefined` for an empty stream. */
function peek(stream: Readable): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      stream.off('readable', onReadable).off('end', onEnd).off('error', reject);
    };
    const onReadable = (): void => {
      const chunk = stream.read() as Buffer | null;
      if (chunk === null) return;
      finish();
      stream.unshift(chunk);
      resolve(chunk);
    };
    const onEnd = (): void => {
      finish();
      resolve(undefined);
    };
    stream.on('readable', onReadable).on('end', onEnd).once('error', reject);
  });
}

function decompressed(file: string, gzip: boolean): Readable {
  const raw = createReadStream(file);
  if (!gzip) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

function unrecognisedDetail(head: Buffer | undefined, gzip: boolean): string {
  const formats = 'obographs JSON, OWL RDF/XML or OBO text';
  if (head === undefined) return gzip ? 'gzip content is empty' : 'file is empty';
  if (gzip) return `gzip content is not ${formats}`;
  return `not gzip-compressed (no 1f 8b magic bytes) and not ${formats}`;
}

/** Opens `file` (gzip detected by magic bytes, not by name) and tells its format. */
export async function openOntologyFile(file: string): Promise<OpenedOntologyFile> {
  const gzip = await hasGzipMagic(file);
  const stream = decompressed(file, gzip);
  let head: Buffer | undefined;
  try {
    head = await peek(stream);
  } catch (error) {
    stream.destroy();
    throw streamLoadError(file, error);
  }
  const format = head === undefined ? undefined : sniffFormat(head.subarray(0, 4096).toString('utf8'));
  if (format === undefined) {
    stream.destroy();
    throw new OntologyLoadError(file, OntologyLoadFailure.unrecognisedFormat, unrecognisedDetail(head, gzip));
  }
  return { file, format, gzip, stream };
}

/** Reads the rest of an opened file as UTF-8 text. */
export async function readAllText(opened: OpenedOntologyFile): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw streamLoadError(opened.file, error);
  }
  return Buffer.concat(chunks).toString('utf8');
}

import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_LICENCE, descriptionToItem } from '../onboarding/description-to-item';
import { headerOf, readTemplateExport, TemplateExportError } from '../onboarding/read-template-export';
import { readTemplateWorkbook, WorkbookError } from '../onboarding/read-template-workbook';
import { templateDescriptions } from '../onboarding/template-descriptions';
import { templateSheetOf, type TemplateSheet } from '../onboarding/template-sheets';
import { InputError } from './cli-errors';
import type { SourceRecord } from './read-records';

const DELIMITERS: Readonly<Record<string, ',' | '\t'>> = { '.csv': ',', '.tsv': '\t', '.tab': '\t' };

/** The first 64 KiB, enough for any header row; nothing for a pipe, whose bytes a peek would consume. */
function head(file: string): string {
  try {
    if (!fs.statSync(file).isFile()) return '';
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      return buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new InputError(`${file}: cannot read: ${(error as Error).message}`);
  }
}

async function workbookSheets(file: string): Promise<TemplateSheet[]> {
  try {
    return await readTemplateWorkbook(file);
  } catch (error) {
    if (error instanceof WorkbookError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

/**
 * The template sheets a file holds: every one of an `.xlsx` workbook, or the one sheet a
 * CSV/TSV export is by its header row. Undefined for any other file (a manifest, JSON, RDF).
 */
export async function templateSheetsOf(file: string): Promise<TemplateSheet[] | undefined> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return workbookSheets(file);
  const delimiter = DELIMITERS[ext];
  if (delimiter === undefined) return undefined;
  const match = templateSheetOf(headerOf(head(file), delimiter), path.basename(file));
  if (match === undefined) return undefined;
  if ('ambiguous' in match)
    throw new InputError(
      `${file}: the header row is that of the ${match.ambiguous.join(', ')} sheets: name the file after its sheet (e.g. Dataset${ext})`,
    );
  try {
    return [readTemplateExport(fs.readFileSync(file, 'utf8'), match.sheet, file, delimiter)];
  } catch (error) {
    if (error instanceof TemplateExportError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

/**
 * The sheets of one template (a workbook, or its per-sheet exports together) -> a v2 item
 * per Biobank, PatientRegistry, Guideline and Dataset row, mapped as RDF is. Notes say what
 * was skipped, what took the default licence and which rows were named by their title.
 */
export function templateRecords(sheets: readonly TemplateSheet[], onNote: (line: string) => void): SourceRecord[] {
  const { resources, skipped } = templateDescriptions(sheets);
  const files = [...new Set(sheets.map((s) => s.source))];
  const sources =
    files.length > 1 ? `${files[0]} and ${files.length - 1} other template sheet file(s)` : (files[0] ?? 'template');
  let defaultLicences = 0;
  const records = resources.map(({ source, where, description, problems: own }): SourceRecord => {
    const { item, problems, defaulted } = descriptionToItem(description);
    if (defaulted.includes('license')) defaultLicences += 1;
    const all = [...own, ...problems];
    return { source, where, item, ...(all.length > 0 ? { problems: all } : {}) };
  });
  const total = [...skipped.values()].reduce((a, b) => a + b, 0);
  if (total > 0)
    onNote(
      `${sources}: skipped ${total} template row(s) of sheets the catalog does not serve (${[...skipped].map(([s, n]) => `${n} ${s}`).join(', ')})`,
    );
  if (defaultLicences > 0)
    onNote(
      `${sources}: ${defaultLicences} record(s) took the default licence ${DEFAULT_LICENCE} (no License given; the EJP-RD template's default)`,
    );
  const minted = resources.filter((r) => r.mintedId && r.description.iri !== undefined).length;
  if (minted > 0)
    onNote(`${sources}: ${minted} record(s) gave no Identifier: their @id is urn:ejprd-template:SHEET:TITLE`);
  return records;
}

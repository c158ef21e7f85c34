import type { TemplateSheet } from '../onboarding/template-sheets';
import { readRecords, type SourceRecord } from './read-records';
import { templateRecords, templateSheetsOf } from './read-template-records';

/**
 * Every record of every input file, in file order. The EJP RD template's sheets (an
 * `.xlsx` workbook, per-sheet CSV/TSV exports) of all the files are read as one workbook,
 * so a Dataset export finds its publisher in an Organisation export; their records stand
 * where the first of them does. Every other file is read by `readRecords`.
 */
export async function readInputs(files: readonly string[], onNote: (line: string) => void): Promise<SourceRecord[]> {
  const perFile: (SourceRecord[] | 'template')[] = [];
  const sheets: TemplateSheet[] = [];
  for (const file of files) {
    const held = await templateSheetsOf(file);
    if (held === undefined) perFile.push(await readRecords(file, onNote));
    else {
      if (sheets.length === 0) perFile.push('template');
      sheets.push(...held);
    }
  }
  const template = sheets.length > 0 ? templateRecords(sheets, onNote) : [];
  const records: SourceRecord[] = [];
  // One push per record: spreading a file's records into `push` overflows the stack past ~125,000.
  for (const part of perFile) for (const record of part === 'template' ? template : part) records.push(record);
  return records;
}

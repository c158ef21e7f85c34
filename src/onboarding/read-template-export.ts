import { parse } from 'csv-parse/sync';
import type { TemplateSheet } from './template-sheets';

/** An export csv-parse cannot read (broken quoting). */
export class TemplateExportError extends Error {
  override name = 'TemplateExportError';
}

type Parsed = { record: string[]; info: { lines: number } }[];

function parseRows(text: string, delimiter: ',' | '\t'): Parsed {
  try {
    return parse(text, {
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_quotes: delimiter === '\t',
      relax_column_count: true,
    }) as unknown as Parsed;
  } catch (error) {
    throw new TemplateExportError((error as Error).message);
  }
}

/** The line a row starts on: csv-parse reports where it ends, and a quoted cell may span lines. */
const startLine = (endLine: number, cells: readonly string[]): number =>
  endLine - cells.reduce((n, c) => n + (c.split('\n').length - 1), 0);

/** The header row of a CSV or TSV text's start; empty when it has none that parses (the manifest reader then says why). */
export function headerOf(head: string, delimiter: ',' | '\t'): string[] {
  try {
    const [first] = parse(head, {
      delimiter,
      bom: true,
      to_line: 1,
      relax_quotes: delimiter === '\t',
      relax_column_count: true,
    }) as unknown as string[][];
    return first ?? [];
  } catch {
    return [];
  }
}

/**
 * One sheet exported as CSV or TSV (the template's guide recommends TSV): each row under
 * the header as column -> text, named by the line it starts on (the header is line 1).
 */
export function readTemplateExport(text: string, sheet: string, source: string, delimiter: ',' | '\t'): TemplateSheet {
  const [header, ...rows] = parseRows(text, delimiter);
  const names = header?.record.map((h) => h.trim()) ?? [];
  return {
    name: sheet,
    source,
    rows: rows.map(({ record, info }) => {
      const cells: Record<string, string> = {};
      record.forEach((cell, i) => {
        const name = names[i];
        if (name && !cells[name]) cells[name] = cell.trim();
      });
      return { where: `${sheet} line ${startLine(info.lines, record)}`, cells };
    }),
  };
}

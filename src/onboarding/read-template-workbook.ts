import ExcelJS from 'exceljs';
import { TEMPLATE_COLUMNS, type TemplateRow, type TemplateSheet } from './template-sheets';

/** A workbook exceljs cannot open (not `.xlsx`, damaged). */
export class WorkbookError extends Error {
  override name = 'WorkbookError';
}

/** A date as the template's guides write one (`2020-12-19`), a time kept only when it has one. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** What the sheet shows: a hyperlink's text, a rich text's characters, a formula's result, `true`/`false`. */
export function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return dateText(value);
  if (value !== null && typeof value === 'object' && 'result' in value && value.result instanceof Date)
    return dateText(value.result);
  return cell.text.trim();
}

/** Each row under the header as column -> text; the row number is the sheet's own (header = row 1). */
function sheetRows(worksheet: ExcelJS.Worksheet): TemplateRow[] {
  const header = new Map<number, string>();
  worksheet.getRow(1).eachCell((cell, column) => {
    if (cellText(cell) !== '') header.set(column, cellText(cell));
  });
  const rows: TemplateRow[] = [];
  worksheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell((cell, column) => {
      const name = header.get(column);
      // A repeated header (DataService has two `ConformsTo`) keeps its first filled cell.
      if (name !== undefined && !cells[name]) cells[name] = cellText(cell);
    });
    rows.push({ where: `${worksheet.name} row ${number}`, cells });
  });
  return rows;
}

/**
 * The template sheets of an `.xlsx` workbook, parsed by exceljs; sheets the template does
 * not have are left out. Throws `WorkbookError` when it is no workbook or holds no template sheet.
 */
export async function readTemplateWorkbook(file: string): Promise<TemplateSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new WorkbookError(`not an .xlsx workbook this catalog can read: ${(error as Error).message}`);
  }
  const sheets = workbook.worksheets.filter((w) => Object.hasOwn(TEMPLATE_COLUMNS, w.name));
  if (sheets.length === 0)
    throw new WorkbookError('no sheet of the EJP RD Resource Metadata template (Organisation, Dataset, ...)');
  return sheets.map((w) => ({ name: w.name, source: file, rows: sheetRows(w) }));
}

// Writes each sheet of the EJP RD metadata template workbook as a TSV export, as the template's
// README recommends publishers do: cell texts unchanged (hyperlinks as their text), columns up to
// the header's last, wholly empty rows left out. Used once to make the fixtures:
//   npx tsx scripts/export-template-sheets.ts "fixtures/ejprd-metadata/template/EJPRD Resource Metadata template.xlsx" fixtures/ejprd-metadata/template/tsv
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { cellText } from '../src/onboarding/read-template-workbook';

async function main(workbookFile: string, outDir: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookFile);
  fs.mkdirSync(outDir, { recursive: true });
  for (const sheet of workbook.worksheets) {
    let width = 0;
    sheet.getRow(1).eachCell((cell, column) => (width = cellText(cell) === '' ? width : Math.max(width, column)));
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)));
      if (cells.some((c) => c !== '')) rows.push(cells);
    });
    fs.writeFileSync(path.join(outDir, `${sheet.name}.tsv`), stringify(rows, { delimiter: '\t' }));
  }
}

const [workbookFile, outDir] = process.argv.slice(2);
if (workbookFile === undefined || outDir === undefined)
  throw new Error('usage: export-template-sheets WORKBOOK.xlsx OUT_DIR');
void main(workbookFile, outDir);

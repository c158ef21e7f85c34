import path from 'node:path';
import ExcelJS from 'exceljs';
import { cellText, readTemplateWorkbook } from '../../../src/onboarding/read-template-workbook';

const WORKBOOK = path.join(
  __dirname,
  '..',
  '..',
  '..',
  'fixtures',
  'ejprd-metadata',
  'template',
  'EJPRD Resource Metadata template.xlsx',
);

function cellHolding(value: ExcelJS.CellValue): ExcelJS.Cell {
  const cell = new ExcelJS.Workbook().addWorksheet('s').getCell('A1');
  cell.value = value;
  return cell;
}

describe('cellText', () => {
  test.each([
    [{ text: 'https://hpscreg.eu/', hyperlink: 'https://hpscreg.eu/' }, 'https://hpscreg.eu/'],
    [{ richText: [{ text: 'hPSC' }, { text: '-lines' }] }, 'hPSC-lines'],
    [false, 'false'],
    [1, '1'],
    [new Date(Date.UTC(2020, 11, 19)), '2020-12-19'],
    [new Date(Date.UTC(2020, 11, 19, 2, 3, 26)), '2020-12-19T02:03:26.000Z'],
    [{ formula: 'A2', result: 'European' }, 'European'],
  ])('when a cell holds %j, then its text is %j', (value, text) => {
    expect(cellText(cellHolding(value as ExcelJS.CellValue))).toBe(text);
  });
});

describe('readTemplateWorkbook', () => {
  test('when the template workbook is read, then its template sheets come with their filled rows named by sheet and row', async () => {
    const sheets = await readTemplateWorkbook(WORKBOOK);

    expect(sheets.map((s) => s.name)).toEqual([
      'Organisation',
      'ContactPoint',
      'Biobank',
      'PatientRegistry',
      'Guideline',
      'Dataset',
      'Distribution',
      'DataService',
      'Catalog',
      'Mediatypes',
      'Languages',
    ]);
    const dataset = sheets.find((s) => s.name === 'Dataset');
    expect(dataset?.rows).toEqual([
      expect.objectContaining({
        where: 'Dataset row 2',
        cells: expect.objectContaining({
          Title: 'hPSC-lines',
          Theme: 'http://purl.obolibrary.org/obo/CLO_0037308',
          PersonalData: 'false',
          Publisher: 'Human Pluripotent Stem Cell Registry',
        }),
      }),
    ]);
  });

  test('when the file is no workbook, then it is refused saying so', async () => {
    await expect(readTemplateWorkbook(path.join(__dirname, 'read-template-workbook.test.ts'))).rejects.toThrow(
      'not an .xlsx workbook this catalog can read',
    );
  });
});

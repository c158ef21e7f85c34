import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { loadCatalogFile } from '../../src/catalog/load-catalog';
import { createTestApp } from '../support/test-app';
import { cli, removeTempDirs, tempDir, writeText } from './cli-harness';

afterEach(removeTempDirs);

const TEMPLATE = path.join(__dirname, '..', '..', 'fixtures', 'ejprd-metadata', 'template');
const WORKBOOK = path.join(TEMPLATE, 'EJPRD Resource Metadata template.xlsx');
const TSV = path.join(TEMPLATE, 'tsv');
const SHEET_FILES = fs.readdirSync(TSV).map((name) => path.join(TSV, name));
const HPSCREG = 'urn:ejprd-template:Dataset:hPSC-lines';

async function loadTo(...files: string[]) {
  const out = path.join(tempDir(), 'catalog.json');
  const run = await cli('load', ...files, '--out', out);
  return { run, out };
}

/** The fixture workbook with one cell changed, written to a temporary directory. */
async function workbookWith(sheet: string, cell: string, value: string | null): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(WORKBOOK);
  const worksheet = workbook.getWorksheet(sheet);
  if (worksheet === undefined) throw new Error(`no sheet ${sheet}`);
  worksheet.getCell(cell).value = value;
  const file = path.join(tempDir(), 'template.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('beacon-catalog load of the EJP RD metadata template workbook', () => {
  test('when the workbook is loaded, then its hPSCreg dataset is a resource in DE with its theme, and the unserved sheets are skipped and counted', async () => {
    const { run, out } = await loadTo(WORKBOOK);

    expect(run.code).toBe(0);
    expect(loadCatalogFile(out)).toEqual([
      expect.objectContaining({
        id: HPSCREG,
        type: 'dcat:Dataset',
        title: 'hPSC-lines',
        themes: ['CLO:0037308'],
        country: 'DE',
      }),
    ]);
    expect(run.stderr).toContain(
      'skipped 3 template row(s) of sheets the catalog does not serve (2 Distribution, 1 DataService)',
    );
    expect(run.stderr).toContain('1 record(s) gave no Identifier: their @id is urn:ejprd-template:SHEET:TITLE');
    expect(run.stderr).toContain('loaded 1 record(s)');
  });

  test('when the same sheets are loaded as their TSV exports, then the catalog is the same', async () => {
    const fromWorkbook = await loadTo(WORKBOOK);
    const fromSheets = await loadTo(...SHEET_FILES);

    expect(fromSheets.run.code).toBe(0);
    expect(fs.readFileSync(fromSheets.out, 'utf8')).toBe(fs.readFileSync(fromWorkbook.out, 'utf8'));
  });

  test('when a Dataset row has no Title, then it is refused naming the column, the sheet and the row, and nothing is written', async () => {
    const { run, out } = await loadTo(await workbookWith('Dataset', 'B2', null));

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/template\.xlsx:Dataset row 2: column Title is empty: it is required \(item\.title\)/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("when the organisation's Location names no country, then its dataset is refused with that reason", async () => {
    const { run } = await loadTo(await workbookWith('Organisation', 'E2', 'Online Resource'));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Organisation row 2 Location "Online Resource" names no country (item.publisher.spatial.title)',
    );
  });

  test('when a Dataset row names a Publisher no Organisation row has, then it is refused naming it', async () => {
    const { run } = await loadTo(await workbookWith('Dataset', 'E2', 'Nobody'));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Dataset row 2 (urn:ejprd-template:Dataset:hPSC-lines): Publisher "Nobody" is the Title of no Organisation row',
    );
  });
});

describe('beacon-catalog load of template sheet exports', () => {
  test('when only the Dataset export is loaded, then its row is refused: its publisher is in the Organisation sheet', async () => {
    const { run } = await loadTo(path.join(TSV, 'Dataset.tsv'));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Dataset.tsv:Dataset line 2 (urn:ejprd-template:Dataset:hPSC-lines): Publisher "Human Pluripotent Stem Cell Registry" is the Title of no Organisation row',
    );
  });

  test('when the sheets are exported as CSV, then they load as the TSV exports do', async () => {
    const dir = tempDir();
    const csv = (name: string): string => {
      const text = fs.readFileSync(path.join(TSV, `${name}.tsv`), 'utf8');
      return writeText(
        dir,
        `${name}.csv`,
        text
          .split('\n')
          .map((line) =>
            line
              .split('\t')
              .map((c) => `"${c}"`)
              .join(','),
          )
          .filter((line) => line !== '""')
          .join('\n'),
      );
    };
    const fromTsv = await loadTo(path.join(TSV, 'Organisation.tsv'), path.join(TSV, 'Dataset.tsv'));
    const fromCsv = await loadTo(csv('Organisation'), csv('Dataset'));

    expect(fromCsv.run.code).toBe(0);
    expect(fs.readFileSync(fromCsv.out, 'utf8')).toBe(fs.readFileSync(fromTsv.out, 'utf8'));
  });

  test('when an export has the header Biobank, PatientRegistry and Dataset share and its file name names none, then the load exits 1 asking for the name', async () => {
    const dir = tempDir();
    const file = writeText(dir, 'export.tsv', fs.readFileSync(path.join(TSV, 'Dataset.tsv'), 'utf8'));

    const { run } = await loadTo(file);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}: the header row is that of the Biobank, PatientRegistry, Dataset sheets: name the file after its sheet (e.g. Dataset.tsv)`,
    );
  });

  test('when a Google Sheets export name ends with its sheet, then it is read as that sheet', async () => {
    const dir = tempDir();
    const copy = (name: string): string =>
      writeText(
        dir,
        `EJPRD Resource Metadata template - ${name}.tsv`,
        fs.readFileSync(path.join(TSV, `${name}.tsv`), 'utf8'),
      );

    const { run, out } = await loadTo(copy('Organisation'), copy('Dataset'));

    expect(run.code).toBe(0);
    expect(loadCatalogFile(out).map((r) => r.id)).toEqual([HPSCREG]);
  });
  test('when a PatientRegistry export gives no License, PersonalData 1 and a country-name Location, then the row loads with the default licence, and the summary says so', async () => {
    const dir = tempDir();
    const header = fs.readFileSync(path.join(TSV, 'PatientRegistry.tsv'), 'utf8').split('\n')[0] ?? '';
    const cells: Record<string, string> = {
      Title: 'Registry',
      Theme: 'http://www.orpha.net/ORDO/Orphanet_558|http://purl.obolibrary.org/obo/NCIT_C3262',
      Publisher: 'Clinic',
      PersonalData: '1',
      Language: 'en|de',
      VPConnection: 'http://purl.org/ejp-rd/vocabulary/VPDiscoverable',
    };
    const row = header
      .split('\t')
      .map((column) => cells[column] ?? '')
      .join('\t');
    const registry = writeText(dir, 'PatientRegistry.tsv', `${header}\n${row}\n`);
    const organisation = writeText(
      dir,
      'Organisation.tsv',
      'Title\tDescription\tLandingPage\tLogo\tLocation\tIdentifier\nClinic\t\thttps://clinic.example/\t\tÖsterreich\thttps://ror.org/000000000\n',
    );

    const { run, out } = await loadTo(registry, organisation);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      '1 record(s) took the default licence https://w3id.org/ejp-rd/resources/licenses/v1.0/',
    );
    expect(loadCatalogFile(out)).toEqual([
      expect.objectContaining({
        id: 'urn:ejprd-template:PatientRegistry:Registry',
        type: 'ejprd:PatientRegistry',
        country: 'AT',
        themes: ['ordo:Orphanet_558', 'NCIT:C3262'],
      }),
    ]);
  });
});

describe('a catalog loaded from the template', () => {
  async function loadedApp() {
    const { run, out } = await loadTo(WORKBOOK);
    expect(run.code).toBe(0);
    return createTestApp({ resources: loadCatalogFile(out) });
  }

  test('when queried in v1 by CLO theme, type and country, then the hPSCreg dataset is found', async () => {
    const app = await loadedApp();
    const filters = [
      { id: ['CLO_0037308'] },
      { id: 'resourceTypes', operator: '=', value: ['Dataset'] },
      { id: 'country', operator: '=', value: ['DE'] },
    ];

    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0' }, query: { filters } });

    expect(res.status).toBe(200);
    expect(res.body.response.resultSets[0].results).toEqual([
      expect.objectContaining({ id: HPSCREG, type: 'Dataset', location: { country: 'DE' } }),
    ]);
    expect(res.body.info).toBeUndefined();
  });

  test('when queried in v2 by CLO theme, type and country, then the hPSCreg dataset is found', async () => {
    const app = await loadedApp();
    const filters = [
      { id: 'CLO:0037308' },
      { id: 'dcat:Dataset' },
      { id: 'dct:spatial', operator: '=', value: ['DE'] },
    ];

    const res = await request(app)
      .post('/catalogs')
      .send({ meta: { apiVersion: 'v2.0.0' }, query: { filters } });

    expect(res.status).toBe(200);
    expect(res.body.response.resultSets[0].results).toEqual([
      expect.objectContaining({
        '@id': HPSCREG,
        '@type': 'dcat:Dataset',
        theme: ['CLO:0037308'],
        license: 'https://creativecommons.org/licenses/by/4.0',
        publisher: expect.objectContaining({ title: 'Human Pluripotent Stem Cell Registry', spatial: { title: 'DE' } }),
      }),
    ]);
  });
});

describe('verify and --upsert with the template', () => {
  test('when the TSV exports are verified against the catalog the workbook loaded, then nothing differs; an --upsert of the workbook keeps what was there', async () => {
    const dir = tempDir();
    const out = writeText(dir, 'catalog.json', '[]');
    expect((await cli('load', path.join(__dirname, '..', '..', 'fixtures', 'catalog.json'), '--out', out)).code).toBe(
      0,
    );

    const upsert = await cli('load', WORKBOOK, '--out', out, '--upsert');
    const verify = await cli('verify', ...SHEET_FILES, '--data', out);

    expect(upsert.code).toBe(0);
    expect(upsert.stderr).toMatch(/loaded 1 record\(s\); .* now holds 69/);
    expect(verify.stderr).toContain('68 extra');
    expect(verify.stdout).not.toMatch(/missing|differs/);
  });
});

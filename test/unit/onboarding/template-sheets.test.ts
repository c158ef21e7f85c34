import { TEMPLATE_COLUMNS, templateSheetOf } from '../../../src/onboarding/template-sheets';

const columns = (sheet: string): string[] => [...(TEMPLATE_COLUMNS[sheet] ?? [])];

describe('templateSheetOf', () => {
  test("when the header is the Organisation sheet's, with empty trailing cells, then it is that sheet", () => {
    expect(templateSheetOf([...columns('Organisation'), '', ' '], 'orgs.tsv')).toEqual({ sheet: 'Organisation' });
  });

  test("when the header has the Guideline sheet's columns in another order, then it is that sheet", () => {
    expect(templateSheetOf(columns('Guideline').reverse(), 'g.csv')).toEqual({ sheet: 'Guideline' });
  });

  test('when the header is the one Biobank, PatientRegistry and Dataset share, then the file name picks the sheet', () => {
    expect(templateSheetOf(columns('Dataset'), 'EJPRD Resource Metadata template - PatientRegistry.tsv')).toEqual({
      sheet: 'PatientRegistry',
    });
    expect(templateSheetOf(columns('Dataset'), 'biobank.TSV')).toEqual({ sheet: 'Biobank' });
  });

  test('when the shared header comes in a file named after none of its sheets, then it is ambiguous', () => {
    expect(templateSheetOf(columns('Dataset'), 'export.tsv')).toEqual({
      ambiguous: ['Biobank', 'PatientRegistry', 'Dataset'],
    });
  });

  test("when the header is a manifest's or lacks a template column, then it is no template sheet", () => {
    expect(templateSheetOf(['id', 'type', 'title', 'country'], 'catalog.csv')).toBeUndefined();
    expect(templateSheetOf(columns('Organisation').slice(1), 'Organisation.tsv')).toBeUndefined();
  });
});

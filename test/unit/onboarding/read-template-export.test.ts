import { headerOf, readTemplateExport } from '../../../src/onboarding/read-template-export';

describe('readTemplateExport', () => {
  test('when a quoted cell spans lines, then each row is named by the line it starts on and cells by their column', () => {
    const text = 'Title\tDescription\tLocation\nA\t"two\nlines"\tWien\nB\t\tAustria\n';

    const sheet = readTemplateExport(text, 'Organisation', 'Organisation.tsv', '\t');

    expect(sheet).toEqual({
      name: 'Organisation',
      source: 'Organisation.tsv',
      rows: [
        { where: 'Organisation line 2', cells: { Title: 'A', Description: 'two\nlines', Location: 'Wien' } },
        { where: 'Organisation line 4', cells: { Title: 'B', Description: '', Location: 'Austria' } },
      ],
    });
  });

  test('when a row is shorter than the header, then its missing cells are absent', () => {
    const sheet = readTemplateExport('Title,Location\r\nC\r\n', 'Organisation', 'o.csv', ',');

    expect(sheet.rows).toEqual([{ where: 'Organisation line 2', cells: { Title: 'C' } }]);
  });
});

describe('headerOf', () => {
  test('when the start of a file is given, then only its first row is parsed, a byte-order mark dropped', () => {
    expect(headerOf('\uFEFFTitle\tLocation\nA\t"unterminated', '\t')).toEqual(['Title', 'Location']);
  });

  test('when the first row does not parse, then there is no header', () => {
    expect(headerOf('"Title,Location\n', ',')).toEqual([]);
  });
});

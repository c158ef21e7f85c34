import { loadOntologies } from '../../../src/ontology';
import { parseObo } from '../../../src/ontology/parse-obo';
import { OntologyLoadError } from '../../../src/ontology/ontology-load-error';
import { scratchDir } from './ontology-test-files';
import type { ScratchDir } from './ontology-test-files';

const OBO = `format-version: 1.2
data-version: hp/releases/2024-04-26
ontology: hp

[Term]
id: HP:0000001
name: All

[Term]
id: HP:0000118
name: Phenotypic abnormality
is_a: HP:0000001 ! All

[Term]
id: HP:0001251
name: Ataxia
alt_id: HP:0001252
synonym: "Cerebellar \\"ataxia\\"" EXACT []
synonym: "Dyscoordination" RELATED [ORCID:0000]
is_a: HP:0000118 {source="x"} ! Phenotypic abnormality
is_a: UBERON:0001016 ! nervous system, not an HPO term

[Term]
id: HP:0000057
name: obsolete Clitoromegaly
is_obsolete: true
replaced_by: HP:0001251

[Term]
id: HP:0000058
name: obsolete vague term
is_obsolete: true
consider: HP:0000118

[Term]
id: UBERON:0001016
name: nervous system

[Typedef]
id: part_of
name: part of
`;

describe('parseObo', () => {
  test('when reading a small HPO OBO file, then terms, parents, synonyms and version are read', () => {
    // Act
    const parsed = parseObo(OBO, 'hp.obo');

    // Assert
    expect(parsed).toMatchObject({ prefix: 'hp', version: '2024-04-26', file: 'hp.obo' });
    expect(parsed.terms.map((t) => t.id)).toEqual([
      'hp:0000001',
      'hp:0000118',
      'hp:0001251',
      'hp:0000057',
      'hp:0000058',
    ]);
    const ataxia = parsed.terms.find((t) => t.id === 'hp:0001251');
    expect(ataxia).toMatchObject({
      label: 'Ataxia',
      parents: ['hp:0000118'],
      altIds: ['hp:0001252'],
      synonyms: ['Cerebellar "ataxia"', 'Dyscoordination'],
      obsolete: false,
    });
  });

  test('when a term is obsolete, then replaced_by and consider are kept apart', () => {
    // Act
    const terms = parseObo(OBO, 'hp.obo').terms;

    // Assert
    expect(terms.find((t) => t.id === 'hp:0000057')).toMatchObject({ obsolete: true, replacedBy: 'hp:0001251' });
    expect(terms.find((t) => t.id === 'hp:0000058')).toMatchObject({ obsolete: true, consider: ['hp:0000118'] });
    expect(terms.find((t) => t.id === 'hp:0000058')?.replacedBy).toBeUndefined();
  });

  test('when a line is not "tag: value", then the error names the file and line', () => {
    // Arrange
    const broken = 'format-version: 1.2\n\n[Term]\nid: HP:0000001\nthis line is broken\n';

    // Act / Assert
    expect(() => parseObo(broken, 'broken.obo')).toThrow(OntologyLoadError);
    expect(() => parseObo(broken, 'broken.obo')).toThrow(/broken\.obo: line 5/);
  });
});

describe('loading OBO files', () => {
  let dir: ScratchDir;

  beforeAll(() => {
    dir = scratchDir();
  });

  afterAll(() => dir.remove());

  test('when a gzipped OBO file is loaded, then alt ids and obsolete terms resolve', async () => {
    // Arrange
    const file = dir.write('hp-small.obo.gz', OBO, { gzip: true });

    // Act
    const index = await loadOntologies([file]);

    // Assert
    expect(index.versions).toEqual([
      { prefix: 'hp', name: 'Human Phenotype Ontology', version: '2024-04-26', file, terms: 3 },
    ]);
    expect(index.ancestors('hp:0001251')).toEqual(['hp:0000001', 'hp:0000118']);
    expect(index.resolve('HP:0001252')).toEqual({
      id: 'hp:0001251',
      replaced: { from: 'hp:0001252', reason: 'alt_id' },
    });
    expect(index.resolve('HP:0000057')).toEqual({
      id: 'hp:0001251',
      replaced: { from: 'hp:0000057', reason: 'obsolete' },
    });
    expect(index.resolve('HP:0000058')).toBeUndefined();
  });

  test('when an OBO file has CRLF line endings and no gzip, then it loads the same', async () => {
    // Arrange
    const file = dir.write('hp-crlf.obo', OBO.replace(/\n/g, '\r\n'));

    // Act
    const index = await loadOntologies([file]);

    // Assert
    expect(index.label('hp:0001251')).toBe('Ataxia');
    expect(index.children('hp:0000118')).toEqual(['hp:0001251']);
  });
});

import { loadOntologies } from '../../../src/ontology';
import { themeClosuresOf } from '../../../src/ontology/theme-closures';
import type { OntologyIndex, OntologyVersion } from '../../../src/ontology';
import { REAL_FILES } from './ontology-test-files';

describe('loadOntologies with both shipped releases', () => {
  let index: OntologyIndex;
  const loaded: OntologyVersion[] = [];

  beforeAll(async () => {
    index = await loadOntologies([REAL_FILES.hpo, REAL_FILES.ordo], { onLoaded: (version) => loaded.push(version) });
  });

  test('when both files are loaded, then both versions are listed in order and reported as they load', () => {
    // Act / Assert
    expect(index.versions.map((v) => `${v.prefix} ${v.version} ${v.terms}`)).toEqual([
      'hp 2026-01-08 19408',
      'ordo 4.2 9438',
    ]);
    expect(loaded).toEqual(index.versions);
  });

  test('when a resource has an HPO and an ORDO theme, then its closure holds both hierarchies', () => {
    // Act
    const closure = themeClosuresOf(index).union(['ordo:Orphanet_284963', 'hp:0001166']);

    // Assert
    expect(closure).toEqual(
      expect.arrayContaining(['ordo:Orphanet_558', 'ordo:Orphanet_98023', 'hp:0001238', 'hp:0000001']),
    );
    expect(closure).toHaveLength(new Set(closure).size);
    expect(closure.some((id) => /Orphanet_(557492|557493|557494|3778\d\d|C\d+)$/.test(id))).toBe(false);
  });
});

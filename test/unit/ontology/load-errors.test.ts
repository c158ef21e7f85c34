import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OntologyLoadError, loadOntologies } from '../../../src/ontology';
import { REAL_FILES, owlDocument, scratchDir } from './ontology-test-files';
import type { ScratchDir } from './ontology-test-files';

async function loadError(files: readonly string[]): Promise<OntologyLoadError> {
  try {
    await loadOntologies(files);
  } catch (error) {
    if (error instanceof OntologyLoadError) return error;
    throw error;
  }
  throw new Error('expected loadOntologies to fail');
}

describe('ontology load errors', () => {
  let dir: ScratchDir;

  beforeAll(() => {
    dir = scratchDir();
  });

  afterAll(() => dir.remove());

  test('when the file does not exist, then the error says not_found and names it', async () => {
    // Arrange
    const file = join(dir.path, 'missing.json.gz');

    // Act
    const error = await loadError([file]);

    // Assert
    expect(error).toMatchObject({ name: 'OntologyLoadError', reason: 'not_found', file });
    expect(error.message).toContain(file);
  });

  test('when a later file is broken, then the error names that file', async () => {
    // Arrange
    const good = dir.write('good.obo', 'format-version: 1.2\n\n[Term]\nid: HP:0000001\nname: All\n');
    const missing = join(dir.path, 'missing.obo');

    // Act / Assert
    expect(await loadError([good, missing])).toMatchObject({ reason: 'not_found', file: missing });
  });

  test('when a file named .gz is neither gzip nor a known format, then it says so', async () => {
    // Arrange
    const file = dir.write('garbage.json.gz', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x50, 0x4b]));

    // Act
    const error = await loadError([file]);

    // Assert
    expect(error.reason).toBe('unrecognised_format');
    expect(error.message).toMatch(/not gzip-compressed/);
  });

  test('when gzip content is invalid JSON, then it says invalid_json', async () => {
    // Arrange
    const file = dir.write('broken.json.gz', '{"graphs": [ {"nodes": [', { gzip: true });

    // Act / Assert
    expect(await loadError([file])).toMatchObject({ reason: 'invalid_json', file });
  });

  test('when JSON is not an obographs document, then it says invalid_json', async () => {
    // Arrange
    const file = dir.write('other.json', '{"hello": "world"}');

    // Act / Assert
    expect((await loadError([file])).message).toMatch(/no "graphs" array/);
  });

  test('when an OWL file has no classes, then it says no_terms', async () => {
    // Arrange
    const file = dir.write('empty.owl.gz', owlDocument('<Ontology rdf:about="https://example.org/x"/>'), {
      gzip: true,
    });

    // Act / Assert
    expect(await loadError([file])).toMatchObject({ reason: 'no_terms', file });
  });

  test('when XML is not well formed, then it says invalid_owl', async () => {
    // Arrange
    const file = dir.write(
      'broken.owl',
      owlDocument('<Class rdf:about="http://www.orpha.net/ORDO/Orphanet_1"><rdfs:label>x</Class>'),
    );

    // Act / Assert
    expect(await loadError([file])).toMatchObject({ reason: 'invalid_owl', file });
  });

  test('when a gzipped JSON release is truncated, then it says truncated', async () => {
    // Arrange
    const file = dir.write('cut.json.gz', readFileSync(REAL_FILES.hpo).subarray(0, 200_000));

    // Act / Assert
    expect(await loadError([file])).toMatchObject({ reason: 'truncated', file });
  });

  test('when a gzipped OWL release is truncated, then the streaming reader says truncated', async () => {
    // Arrange
    const file = dir.write('cut.owl.gz', readFileSync(REAL_FILES.ordo).subarray(0, 300_000));

    // Act / Assert
    expect(await loadError([file])).toMatchObject({ reason: 'truncated', file });
  });

  test('when the file is empty or a directory, then it says why', async () => {
    // Arrange
    const empty = dir.write('empty.obo', '');

    // Act / Assert
    expect(await loadError([empty])).toMatchObject({ reason: 'unrecognised_format', file: empty });
    expect(await loadError([dir.path])).toMatchObject({ reason: 'unreadable', file: dir.path });
  });

  test('when an OBO file has no HPO or ORDO terms, then it says no_terms', async () => {
    // Arrange
    const file = dir.write('go.obo', 'format-version: 1.2\n\n[Term]\nid: GO:0000001\nname: x\n');

    // Act / Assert
    expect(await loadError([file])).toMatchObject({ reason: 'no_terms', file });
  });
});

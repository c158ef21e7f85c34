import { onePerResource } from '../../../src/cli/one-per-resource';
import type { SourceRecord } from '../../../src/cli/read-records';

const record = (source: string, id: string, title: string): SourceRecord => ({
  source,
  where: `<${id}>`,
  item: { '@id': id, title },
});

describe('onePerResource', () => {
  test("when a catalog document repeats a resource its own document describes, then the own document's record is kept, in the first one's place", () => {
    const notes: string[] = [];
    const records = [
      record('https://fdp.example/catalog', 'https://fdp.example/dataset/1', 'from the catalog'),
      record('https://fdp.example/catalog', 'https://fdp.example/dataset/2', 'only here'),
      record('https://fdp.example/dataset/1', 'https://fdp.example/dataset/1', 'its own'),
    ];

    const kept = onePerResource(records, (line) => notes.push(line));

    expect(kept.map((r) => (r.item as { title: string }).title)).toEqual(['its own', 'only here']);
    expect(notes).toEqual([
      'https://fdp.example/dataset/1: described in https://fdp.example/catalog and https://fdp.example/dataset/1; kept the description from https://fdp.example/dataset/1',
    ]);
  });

  test('when two documents describe a resource neither is named after, then the first is kept', () => {
    const kept = onePerResource(
      [record('https://a.example/x', 'urn:r', 'first'), record('https://a.example/y', 'urn:r', 'second')],
      () => undefined,
    );

    expect(kept.map((r) => (r.item as { title: string }).title)).toEqual(['first']);
  });
});

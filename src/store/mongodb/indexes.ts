import type { Collection, Document, IndexDescription } from 'mongodb';

/** The indexes every catalog collection carries: `id` is unique, the filtered fields are indexed. */
export const MONGO_INDEXES: readonly IndexDescription[] = [
  { key: { id: 1 }, name: 'id_1', unique: true },
  { key: { type: 1 }, name: 'type_1' },
  { key: { country: 1 }, name: 'country_1' },
  { key: { themes: 1 }, name: 'themes_1' },
  { key: { themeAncestors: 1 }, name: 'themeAncestors_1' },
  { key: { title: 1 }, name: 'title_1' },
];

/** Create the catalog indexes (idempotent; creates an empty collection if there is none). */
export async function createMongoIndexes<T extends Document>(collection: Collection<T>): Promise<void> {
  await collection.createIndexes([...MONGO_INDEXES]);
}

import { MongoClient } from 'mongodb';
import { MONGO_STORE_DEFAULTS } from '../store/mongodb/mongo-store';
import type { CatalogLocation } from './parse-cli-args';

type MongoLocation = Extract<CatalogLocation, { kind: 'mongodb' }>;

/**
 * Drops the staging collections a crashed load left beside the live one (`NAME__staging_*`;
 * the live collection is never touched). Run only under the collection's load lock (`withTargetLock`),
 * or it would drop a running load's staging.
 */
export async function dropStaleStaging(location: MongoLocation): Promise<string[]> {
  const name = location.collection ?? MONGO_STORE_DEFAULTS.collection;
  const client = new MongoClient(location.uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    const db = client.db(location.database);
    const collections = await db.listCollections({}, { nameOnly: true }).toArray();
    const stale = collections.map((c) => c.name).filter((n) => n.startsWith(`${name}__staging_`));
    for (const staging of stale) await db.dropCollection(staging);
    return stale;
  } finally {
    await client.close();
  }
}

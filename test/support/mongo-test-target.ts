import type { MongoClient } from 'mongodb';
import type { CatalogStore } from '../../src/store/catalog-store';
import { startMongoWireServer, type MongoWireServer } from './start-mongo-wire-server';

export interface MongoTestTarget {
  uri: string;
  /** A database of its own for this run, dropped by the suite when done. */
  database: string;
  /** The bridge, when no real MongoDB was named in MONGODB_URI. */
  bridge: MongoWireServer | undefined;
  /** True against the MockupDB + mongomock bridge, false against a real MongoDB. */
  isBridge: boolean;
}

/** A real MongoDB when MONGODB_URI is set, else the wire bridge started for the suite. */
export async function mongoTestTarget(suite: string): Promise<MongoTestTarget> {
  const database = `beacon_catalog_${suite}_${process.pid}_${Date.now().toString(36)}`;
  const uri = process.env['MONGODB_URI'];
  if (uri !== undefined && uri !== '') return { uri, database, bridge: undefined, isBridge: false };
  const bridge = await startMongoWireServer();
  return { uri: bridge.uri, database, bridge, isBridge: true };
}

/** Drops the suite's database and closes what the suite opened, the bridge last. */
export async function releaseMongoTestTarget(
  target: MongoTestTarget | undefined,
  admin: MongoClient | undefined,
  store: CatalogStore | undefined,
): Promise<void> {
  if (target)
    await admin
      ?.db(target.database)
      .dropDatabase()
      .catch(() => undefined);
  await admin?.close();
  await store?.close();
  await target?.bridge?.dispose();
}

import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';
import { fromMongoError } from './errors';
import { StoreUnavailableError } from '../store-errors';

/** The database, connected on first use; calls reject with StoreUnavailableError while it cannot be. */
export interface MongoConnection {
  database(): Promise<Db>;
  close(): Promise<void>;
}

/**
 * One pooled client at a time. Once connected, the driver itself rides out outages. But a
 * client whose first connect failed keeps its closed topology and fails every later call
 * (MongoTopologyClosedError), so that client is dropped and the next call starts a new
 * one. Constructing the first client here makes a malformed URI throw at once.
 */
export function mongoConnection(uri: string, options: MongoClientOptions, databaseName?: string): MongoConnection {
  let client = new MongoClient(uri, options);
  let connected: Promise<MongoClient> | undefined;
  let closed = false;

  const connect = (): Promise<MongoClient> => {
    if (closed) return Promise.reject(new StoreUnavailableError('closed'));
    connected ??= client.connect().catch(async (error: unknown) => {
      const failed = client;
      client = new MongoClient(uri, options);
      connected = undefined;
      await failed.close().catch(() => undefined);
      throw fromMongoError(error);
    });
    return connected;
  };

  return {
    database: async () => (await connect()).db(databaseName),
    close: async () => {
      closed = true;
      await client.close();
    },
  };
}

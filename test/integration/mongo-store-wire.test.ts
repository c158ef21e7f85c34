/**
 * What the store sends over the wire, read back from the bridge's command log (a bridge
 * command a real MongoDB does not have, so this suite always runs against the bridge).
 */
import { MongoClient, type Document } from 'mongodb';
import type { CatalogStore } from '../../src/store/catalog-store';
import { openMongoStore } from '../../src/store/mongodb/mongo-store';
import { startMongoWireServer, type MongoWireServer } from '../support/start-mongo-wire-server';
import { syntheticCatalog } from '../support/synthetic-catalog';

const DATABASE = 'beacon_catalog_wire';

let bridge: MongoWireServer;
let store: CatalogStore;
let admin: MongoClient;

beforeAll(async () => {
  bridge = await startMongoWireServer();
  store = await openMongoStore({ uri: bridge.uri, database: DATABASE, maxTimeMS: 1234 });
  admin = new MongoClient(bridge.uri);
  await store.replaceAll(syntheticCatalog(10));
});

afterAll(async () => {
  await admin?.close();
  await store?.close();
  await bridge?.dispose();
});

async function commandsDuring(act: () => Promise<unknown>): Promise<Document[]> {
  await admin.db('admin').command({ bridgeCommandLog: 1 });
  await act();
  const { commands } = await admin.db('admin').command({ bridgeCommandLog: 1 });
  return (commands as Document[]).filter((command) => !('ping' in command) && !('endSessions' in command));
}

describe('MongoDB store: the wire', () => {
  test('when the store reads, then every read command carries maxTimeMS', async () => {
    const commands = await commandsDuring(async () => {
      await store.find({ type: { $in: ['dcat:Dataset'] } }, { offset: 0, limit: 5 }, true);
      await store.find({}, { offset: 0, limit: 5 }, false);
      await store.findById('https://example.org/none');
      await store.terms();
    });

    expect(commands.map((command) => Object.keys(command)[0])).toStrictEqual([
      'aggregate',
      'aggregate',
      'find',
      'distinct',
      'distinct',
      'distinct',
    ]);
    expect(commands.every((command) => command.maxTimeMS === 1234)).toBe(true);
  });

  test('when records are asked for, then count and window come in one aggregate with $facet', async () => {
    const commands = await commandsDuring(() => store.find({}, { offset: 2, limit: 3 }, true));

    expect(commands).toHaveLength(1);
    const pipeline = commands[0]?.pipeline as Document[];
    expect(pipeline.map((stage) => Object.keys(stage)[0])).toStrictEqual(['$match', '$facet']);
    expect(Object.keys(pipeline[1]?.$facet ?? {})).toStrictEqual(['total', 'records']);
  });

  test('when the catalog is replaced, then it is written to staging, indexed there, and renamed over', async () => {
    const commands = await commandsDuring(() => store.replaceAll(syntheticCatalog(3)));

    const names = commands.map((command) => Object.keys(command)[0]);
    expect(names).toStrictEqual(['insert', 'createIndexes', 'renameCollection']);
    expect(commands[0]?.insert).toMatch(/^resources__staging_/);
    expect(commands[2]).toMatchObject({ to: `${DATABASE}.resources`, dropTarget: true });
  });
});

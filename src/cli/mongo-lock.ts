import { randomBytes } from 'node:crypto';
import { MongoClient, MongoServerError, type Collection } from 'mongodb';
import { guarded } from '../store/mongodb/errors';
import { MONGO_STORE_DEFAULTS } from '../store/mongodb/mongo-store';
import { TargetLockedError } from './cli-errors';
import { currentHolder, describeHolder, isDeadHere, type HeldLock, type LockHolder } from './lock-holder';
import type { CatalogLocation } from './parse-cli-args';

type MongoLocation = Extract<CatalogLocation, { kind: 'mongodb' }>;

/** One lock per catalog collection: the one document of `<collection>_locks` with this `_id`. */
interface LockDocument extends LockHolder {
  _id: 'load';
  /** This load's own, so renewing and removing touch no other load's document. */
  token: string;
  expiresAt: Date;
}

/**
 * A lease, renewed while the load runs, so a load killed on another host (whose pid
 * cannot be checked from here) blocks the collection for at most this long. Long, because
 * validating a million records is one synchronous step that no renewal timer interrupts.
 */
export const LEASE_MS = 10 * 60_000;
const RENEW_EVERY_MS = 60_000;
const DUPLICATE_KEY = 11000;

/** The lock's collection, beside the catalog's (`resources_locks` for `resources`). */
export const lockCollectionFor = (location: MongoLocation): string =>
  `${location.collection ?? MONGO_STORE_DEFAULTS.collection}_locks`;

/** A document without a date lease (not one of ours) counts as expired. */
const leaseOf = (held: LockDocument): Date => (held.expiresAt instanceof Date ? held.expiresAt : new Date(0));
const isStale = (held: LockDocument, now: Date): boolean =>
  leaseOf(held).getTime() <= now.getTime() || isDeadHere(held);

async function tryInsert(locks: Collection<LockDocument>, lock: LockDocument): Promise<boolean> {
  try {
    await guarded(() => locks.insertOne(lock));
    return true;
  } catch (error) {
    if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
    throw error;
  }
}

function refusal(location: MongoLocation, name: string, holder: LockDocument | null): TargetLockedError {
  const who =
    holder === null
      ? 'a load that has just finished or started'
      : `${describeHolder(holder)}, lease until ${leaseOf(holder).toISOString()}`;
  return new TargetLockedError(
    `MongoDB collection ${location.collection ?? MONGO_STORE_DEFAULTS.collection} is being loaded by another beacon-catalog load ` +
      `(${who}; lock document "load" in ${name}); nothing was written. Run the load again once that one has finished.`,
  );
}

/** Insert first; on a duplicate `_id`, a stale lock (lease over, or its holder dead here) is removed by its token and the insert retried. */
async function insertLock(
  locks: Collection<LockDocument>,
  lock: LockDocument,
  location: MongoLocation,
): Promise<LockHolder | undefined> {
  let holder: LockDocument | null = null;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await tryInsert(locks, lock)) return holder ?? undefined;
    holder = await guarded(() => locks.findOne({ _id: 'load' }));
    if (holder !== null && !isStale(holder, new Date())) break;
    if (holder !== null) await guarded(() => locks.deleteOne({ _id: 'load', token: holder?.token }));
  }
  throw refusal(location, locks.collectionName, holder);
}

/**
 * Takes the load lock of a MongoDB catalog collection, or throws `TargetLockedError` naming
 * its holder. `release` stops the lease's renewal and removes this load's document.
 */
export async function acquireMongoLock(
  location: MongoLocation,
  holder: LockHolder = currentHolder(),
): Promise<HeldLock> {
  const client = new MongoClient(location.uri, { serverSelectionTimeoutMS: 10_000 });
  const locks = client.db(location.database).collection<LockDocument>(lockCollectionFor(location));
  const token = randomBytes(12).toString('hex');
  const lease = (): Date => new Date(Date.now() + LEASE_MS);
  let replaced: LockHolder | undefined;
  try {
    replaced = await insertLock(locks, { _id: 'load', ...holder, token, expiresAt: lease() }, location);
  } catch (error) {
    await client.close();
    throw error;
  }
  const renewal = setInterval(
    () => void locks.updateOne({ _id: 'load', token }, { $set: { expiresAt: lease() } }).catch(() => undefined),
    RENEW_EVERY_MS,
  );
  renewal.unref();
  const confirm = async (): Promise<void> => {
    const renewed = await guarded(() => locks.updateOne({ _id: 'load', token }, { $set: { expiresAt: lease() } }));
    if (renewed.matchedCount !== 1)
      throw refusal(location, locks.collectionName, await guarded(() => locks.findOne({ _id: 'load' })));
  };
  const release = async (): Promise<void> => {
    clearInterval(renewal);
    try {
      await guarded(() => locks.deleteOne({ _id: 'load', token }));
    } finally {
      await client.close();
    }
  };
  return {
    where: `${locks.collectionName} (MongoDB)`,
    ...(replaced === undefined ? {} : { replaced }),
    confirm,
    release,
  };
}

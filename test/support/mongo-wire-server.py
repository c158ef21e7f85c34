"""A MongoDB wire-protocol server for tests: MockupDB speaks the protocol, mongomock answers.

No MongoDB server can be installed here, so the MongoDB store is tested over the wire
against this bridge: the Node driver talks to MockupDB, and every command is executed by
mongomock, an independent implementation of the query language.

Usage: /usr/bin/python3 mongo-wire-server.py [--port N] [--data-file PATH]
Prints `listening <port>` once it answers. Exits when stdin closes (its parent died) or
on SIGTERM. With --data-file, every write is saved there and loaded at start, so a
stopped and restarted bridge keeps its data, as a restarted mongod does.

Debian packages: python3-mongomock (4.1.2), python3-mockupdb (1.8.0).
"""
import argparse
import collections
import datetime
import itertools
import os
import re
import signal
import sys
import threading

import bson
import mockupdb
import mongomock
from bson.int64 import Int64
from mongomock import aggregate as mongomock_aggregate

# mockupdb 1.8 gives exhaustAllowed the value 16 instead of 1 << 16: a driver that sets
# it would make unpacking raise and the connection hang.
mockupdb._ALL_OP_MSG_FLAGS |= 1 << 16
MORE_TO_COME = mockupdb.OP_MSG_FLAGS['moreToCome']


def _count_stage(in_collection, database, options):
    """MongoDB's $count emits no document for no input; mongomock's emits {field: 0}."""
    counted = _MONGOMOCK_COUNT(in_collection, database, options)
    return counted if in_collection else []


_MONGOMOCK_COUNT = mongomock_aggregate._PIPELINE_HANDLERS['$count']
mongomock_aggregate._PIPELINE_HANDLERS['$count'] = _count_stage

REGEX_FLAGS = {'i': re.IGNORECASE, 'm': re.MULTILINE, 's': re.DOTALL, 'x': re.VERBOSE}
WRITES = {'insert', 'update', 'delete', 'createindexes', 'drop', 'dropdatabase',
          'renamecollection', 'create', 'dropindexes'}


class CommandError(Exception):
    def __init__(self, code, code_name, message):
        super().__init__(message)
        self.code, self.code_name = code, code_name


def normalise(value):
    """Compile {$regex, $options} pairs: mongomock rejects $options under $not."""
    if isinstance(value, dict):
        if isinstance(value.get('$regex'), str) and isinstance(value.get('$options'), str):
            flags = 0
            for option in value['$options']:
                flags |= REGEX_FLAGS.get(option, 0)
            rest = {k: normalise(v) for k, v in value.items() if k not in ('$regex', '$options')}
            return dict(rest, **{'$regex': re.compile(value['$regex'], flags)})
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


class Bridge:
    def __init__(self, data_file):
        self.client = mongomock.MongoClient()
        self.data_file = data_file
        self.cursors = {}
        self.cursor_ids = itertools.count(1)
        self.connection_ids = itertools.count(1)
        self.log = collections.deque(maxlen=500)
        if data_file and os.path.exists(data_file):
            self.load()

    # --- wire ---
    def handle(self, request):
        name = (request.command_name or '').lower()
        if name not in ('hello', 'ismaster', 'bridgecommandlog'):
            self.log.append(request.doc)
        try:
            reply = self.dispatch(name, request.doc, request.namespace)
            if name in WRITES and self.data_file:
                self.save()
        except CommandError as err:
            reply = {'ok': 0, 'code': err.code, 'codeName': err.code_name, 'errmsg': str(err)}
        except mongomock.OperationFailure as err:
            reply = {'ok': 0, 'code': err.code or 2, 'errmsg': str(err)}
        except Exception as err:  # an unanswered request would hang the driver
            reply = {'ok': 0, 'code': 1, 'errmsg': 'bridge: %r' % (err,)}
        if not (request.flags or 0) & MORE_TO_COME or not isinstance(request, mockupdb.OpMsg):
            request.replies(reply)
        return True

    def dispatch(self, name, doc, db_name):
        if name in ('hello', 'ismaster'):
            return self.hello()
        if name in ('ping', 'endsessions'):
            return {'ok': 1}
        if name == 'bridgecommandlog':  # for tests: the commands received since the last call
            commands, self.log = list(self.log), collections.deque(maxlen=500)
            return {'commands': commands, 'ok': 1}
        if name == 'buildinfo':
            return {'version': '6.0.0', 'versionArray': [6, 0, 0, 0], 'ok': 1}
        handler = getattr(self, 'cmd_' + name, None)
        if handler is None:
            raise CommandError(59, 'CommandNotFound', "no such command: '%s'" % name)
        db = self.client[db_name]
        coll_name = doc[next(iter(doc))]
        return handler(db, db[coll_name] if isinstance(coll_name, str) else None, doc)

    def hello(self):
        return {'helloOk': True, 'ismaster': True, 'isWritablePrimary': True,
                'maxBsonObjectSize': 16777216, 'maxMessageSizeBytes': 48000000,
                'maxWriteBatchSize': 100000, 'localTime': datetime.datetime.now(datetime.timezone.utc),
                'logicalSessionTimeoutMinutes': 30, 'connectionId': next(self.connection_ids),
                'minWireVersion': 0, 'maxWireVersion': 17, 'readOnly': False, 'ok': 1}

    def cursor(self, ns, docs, batch_size):
        size = 101 if batch_size is None else batch_size
        batch, rest = (docs, []) if size <= 0 else (docs[:size], docs[size:])
        cursor_id = 0
        if rest:
            cursor_id = next(self.cursor_ids)
            self.cursors[cursor_id] = (ns, rest)
        return {'cursor': {'id': Int64(cursor_id), 'ns': ns, 'firstBatch': batch}, 'ok': 1}

    # --- reads ---
    def cmd_find(self, db, coll, doc):
        limit = doc.get('limit') or 0
        docs = list(coll.find(normalise(doc.get('filter') or {}), doc.get('projection'),
                              skip=doc.get('skip') or 0, limit=abs(limit),
                              sort=list((doc.get('sort') or {}).items()) or None))
        single = doc.get('singleBatch') or limit < 0
        return self.cursor(coll.full_name, docs, 0 if single else doc.get('batchSize'))

    def cmd_aggregate(self, db, coll, doc):
        docs = list(coll.aggregate(normalise(doc['pipeline'])))
        return self.cursor(coll.full_name, docs, (doc.get('cursor') or {}).get('batchSize'))

    def cmd_getmore(self, db, coll, doc):
        found = self.cursors.pop(int(doc['getMore']), None)
        if found is None:
            raise CommandError(43, 'CursorNotFound', 'cursor id %d not found' % doc['getMore'])
        ns, docs = found
        size = doc.get('batchSize') or len(docs)
        batch, rest = docs[:size], docs[size:]
        cursor_id = int(doc['getMore']) if rest else 0
        if rest:
            self.cursors[cursor_id] = (ns, rest)
        return {'cursor': {'id': Int64(cursor_id), 'ns': ns, 'nextBatch': batch}, 'ok': 1}

    def cmd_killcursors(self, db, coll, doc):
        ids = [int(i) for i in doc.get('cursors', [])]
        killed = [Int64(i) for i in ids if self.cursors.pop(i, None) is not None]
        unknown = [Int64(i) for i in ids if Int64(i) not in killed]
        return {'cursorsKilled': killed, 'cursorsNotFound': unknown, 'cursorsAlive': [],
                'cursorsUnknown': [], 'ok': 1}

    def cmd_count(self, db, coll, doc):
        options = {k: doc[k] for k in ('skip', 'limit') if doc.get(k)}
        return {'n': coll.count_documents(normalise(doc.get('query') or {}), **options), 'ok': 1}

    def cmd_distinct(self, db, coll, doc):
        return {'values': coll.distinct(doc['key'], normalise(doc.get('query')) or None), 'ok': 1}

    def cmd_listindexes(self, db, coll, doc):
        if coll.name not in db.list_collection_names():
            raise CommandError(26, 'NamespaceNotFound', 'ns does not exist: ' + coll.full_name)
        return self.cursor(coll.full_name, list(coll.list_indexes()), None)

    def cmd_listcollections(self, db, coll, doc):
        docs = [{'name': n, 'type': 'collection', 'options': {}, 'info': {'readOnly': False}}
                for n in sorted(db.list_collection_names())]
        wanted = doc.get('filter') or {}
        docs = [d for d in docs if mongomock.filtering.filter_applies(wanted, d)]
        return self.cursor(db.name + '.$cmd.listCollections', docs, None)

    # --- writes ---
    def cmd_insert(self, db, coll, doc):
        n, errors = 0, []
        for index, document in enumerate(doc.get('documents', [])):
            try:
                coll.insert_one(document)
                n += 1
            except mongomock.DuplicateKeyError as err:
                errors.append({'index': index, 'code': 11000, 'errmsg': str(err)})
                if doc.get('ordered', True):
                    break
        return dict({'n': n, 'ok': 1}, **({'writeErrors': errors} if errors else {}))

    def cmd_delete(self, db, coll, doc):
        n = 0
        for spec in doc.get('deletes', []):
            remove = coll.delete_one if spec.get('limit') == 1 else coll.delete_many
            n += remove(normalise(spec['q'])).deleted_count
        return {'n': n, 'ok': 1}

    def cmd_update(self, db, coll, doc):
        n, modified, upserted = 0, 0, []
        for index, spec in enumerate(doc.get('updates', [])):
            q, u, upsert = normalise(spec['q']), spec['u'], bool(spec.get('upsert'))
            if not any(k.startswith('$') for k in u):
                result = coll.replace_one(q, u, upsert=upsert)
            elif spec.get('multi'):
                result = coll.update_many(q, u, upsert=upsert)
            else:
                result = coll.update_one(q, u, upsert=upsert)
            n += result.matched_count + (1 if result.upserted_id is not None else 0)
            modified += result.modified_count
            if result.upserted_id is not None:
                upserted.append({'index': index, '_id': result.upserted_id})
        return dict({'n': n, 'nModified': modified, 'ok': 1}, **({'upserted': upserted} if upserted else {}))

    def cmd_createindexes(self, db, coll, doc):
        before = len(list(coll.list_indexes())) or 1
        for spec in doc['indexes']:
            options = {k: spec[k] for k in ('unique', 'sparse') if k in spec}
            coll.create_index(list(spec['key'].items()), name=spec['name'], **options)
        return {'numIndexesBefore': before, 'numIndexesAfter': len(list(coll.list_indexes())),
                'createdCollectionAutomatically': before == 1, 'ok': 1}

    def cmd_create(self, db, coll, doc):
        if coll.name in db.list_collection_names():
            raise CommandError(48, 'NamespaceExists', 'Collection already exists: ' + coll.full_name)
        db.create_collection(coll.name)
        return {'ok': 1}

    def cmd_drop(self, db, coll, doc):
        # MongoDB 7 answers ok for a missing collection; older servers answer code 26.
        db.drop_collection(coll.name)
        return {'ns': coll.full_name, 'ok': 1}

    def cmd_dropdatabase(self, db, coll, doc):
        self.client.drop_database(db.name)
        return {'ok': 1}

    def cmd_renamecollection(self, db, coll, doc):
        source_db, source = doc['renameCollection'].split('.', 1)
        target_db, target = doc['to'].split('.', 1)
        if source_db != target_db:
            raise CommandError(20, 'IllegalOperation', 'the bridge renames within a database only')
        database = self.client[source_db]
        names = database.list_collection_names()
        if source not in names:
            raise CommandError(26, 'NamespaceNotFound', 'Source collection does not exist')
        if target in names and not doc.get('dropTarget'):
            raise CommandError(48, 'NamespaceExists', 'Target namespace exists')
        database[source].rename(target, dropTarget=bool(doc.get('dropTarget')))
        return {'ok': 1}

    # --- persistence across restarts ---
    def save(self):
        state = []
        for db_name in self.client.list_database_names():
            db = self.client[db_name]
            for name in db.list_collection_names():
                indexes = [dict(i, key=bson.SON(i['key'])) for i in db[name].list_indexes()
                           if i['name'] != '_id_']
                state.append({'db': db_name, 'name': name, 'indexes': indexes,
                              'docs': list(db[name].find())})
        with open(self.data_file + '.tmp', 'wb') as out:
            out.write(bson.encode({'collections': state}))
        os.replace(self.data_file + '.tmp', self.data_file)

    def load(self):
        with open(self.data_file, 'rb') as data:
            state = bson.decode(data.read())
        for entry in state['collections']:
            coll = self.client[entry['db']].create_collection(entry['name'])
            if entry['docs']:
                coll.insert_many(entry['docs'])
            for index in entry['indexes']:
                options = {k: index[k] for k in ('unique', 'sparse') if k in index}
                coll.create_index(list(index['key'].items()), name=index['name'], **options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, default=0)
    parser.add_argument('--data-file')
    args = parser.parse_args()
    bridge = Bridge(args.data_file)
    server = mockupdb.MockupDB(port=args.port or None, request_timeout=int(1e6))
    server.autoresponds(bridge.handle)  # every request, in its connection's thread
    port = server.run()
    print('listening %d' % port, flush=True)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    waiter = threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True)
    waiter.start()
    waiter.join()


if __name__ == '__main__':
    main()

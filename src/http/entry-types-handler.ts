import type { Request, Response } from 'express';
import type { AppDeps } from './app-deps';
import { ENTITY_TYPE } from '../request/catalog-request';
import { ITEM_SCHEMAS, type ItemSchema } from '../render/item-schemas';
import { informationalMeta } from '../render/envelope';

function schemaReference(schema: ItemSchema): Record<string, string> {
  const s = ITEM_SCHEMAS[schema];
  return { id: s.schema, name: s.name, referenceToSchemaDefinition: s.url, schemaVersion: s.version };
}

/** The single `catalog` entry type, valid against `configuration/entryTypesSchema.json`. */
export function catalogEntryTypes(defaultSchema: ItemSchema): Record<string, unknown> {
  const other: ItemSchema = defaultSchema === 'v1' ? 'v2' : 'v1';
  return {
    entryTypes: {
      [ENTITY_TYPE]: {
        id: ENTITY_TYPE,
        name: 'Catalog of rare-disease resources',
        description:
          'Metadata of rare-disease resources (biobanks, patient registries, datasets, guidelines), as the EJP-RD Virtual Platform defines them.',
        ontologyTermForThisType: { id: 'dcat:Catalog', label: 'Catalog' },
        partOfSpecification: 'EJP-RD Virtual Platform API v4.0',
        defaultSchema: schemaReference(defaultSchema),
        additionallySupportedSchemas: [schemaReference(other)],
        nonFilteredQueriesAllowed: true,
      },
    },
  };
}

export function createEntryTypesHandler(deps: AppDeps) {
  const { config } = deps;
  const other: ItemSchema = config.defaultSchema === 'v1' ? 'v2' : 'v1';
  const body = {
    meta: informationalMeta(config, [config.defaultSchema, other]),
    response: catalogEntryTypes(config.defaultSchema),
  };
  return (_req: Request, res: Response): void => {
    res.json(body);
  };
}

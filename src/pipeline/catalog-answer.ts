import type { Config } from '../config/config';
import type { CatalogResource } from '../model/catalog-resource';
import { lowest, type Granularity } from '../model/granularity';
import type { EnvelopeInput } from '../render/envelope';
import { ITEM_SCHEMAS, type ItemSchema, type SchemaChoice } from '../render/item-schemas';
import type { CatalogRequest } from '../request/catalog-request';

/** What a `/catalogs` or `/catalogs/{id}` answer says, before it is rendered in any format. */
export interface CatalogAnswer {
  /** The envelope's parts: identity, the request echoed, the item schema, the granularity returned. */
  envelope: EnvelopeInput;
  total: number;
  /** The page of records; empty below record granularity. */
  records: readonly CatalogResource[];
  /** `info` as the item schema allows it (v1: warnings only), or undefined. */
  info: Record<string, unknown> | undefined;
  /** Matches were withheld at the caller's access level: another caller may be answered more. */
  withheld: boolean;
}

type AnswerConfig = Pick<Config, 'beaconId' | 'resultSetId' | 'maxGranularity'>;

/** The granularity asked for, or less when the service is configured to say less (`MAX_GRANULARITY`). */
export function answerGranularity(request: CatalogRequest, config: Pick<Config, 'maxGranularity'>): Granularity {
  return lowest(request.requestedGranularity, config.maxGranularity);
}

/** v1 renderings carry nothing in `info` but the warnings (the VP portal parses it strictly). */
function answerInfo(
  schema: ItemSchema,
  unsupported: readonly string[],
  notes: readonly string[],
): Record<string, unknown> | undefined {
  const info: Record<string, unknown> = {};
  if (unsupported.length > 0) info.warnings = { unsupportedFilters: [...new Set(unsupported)] };
  if (schema === 'v2' && notes.length > 0) info.notes = notes;
  return Object.keys(info).length > 0 ? info : undefined;
}

export interface AnswerParts {
  request: CatalogRequest;
  choice: SchemaChoice;
  /** The filters as echoed in `receivedRequestSummary.filters`. */
  echo: string[];
  granularity: Granularity;
  total: number;
  records: readonly CatalogResource[];
  unsupported: readonly string[];
  notes: readonly string[];
  withheld: boolean;
}

/** Assembles an answer from what the query found: the envelope, and `info` with its warnings and notes. */
export function catalogAnswer(config: AnswerConfig, parts: AnswerParts): CatalogAnswer {
  const { choice } = parts;
  const notes = choice.unknownRequested
    ? [
        ...parts.notes,
        `requested schema(s) ${choice.unknownRequested.join(', ')} not supported; answered in ${ITEM_SCHEMAS[choice.schema].schema}`,
      ]
    : parts.notes;
  return {
    envelope: {
      identity: config,
      request: parts.request,
      echoFilters: parts.echo,
      schema: choice.schema,
      granularity: parts.granularity,
    },
    total: parts.total,
    records: parts.records,
    info: answerInfo(choice.schema, parts.unsupported, notes),
    withheld: parts.withheld,
  };
}

import { stringify } from 'csv-stringify/sync';
import type { CatalogResource } from '../model/catalog-resource';

/** Joins list values inside one cell. */
export const LIST_SEPARATOR = '|';

type Cell = (r: CatalogResource) => string | readonly string[] | undefined;

/** The columns, in order: header name -> value. Lists are joined with `|`. */
const COLUMNS: readonly (readonly [string, Cell])[] = [
  ['id', (r) => r.id],
  ['type', (r) => r.type],
  ['title', (r) => r.title],
  ['description', (r) => r.description],
  ['themes', (r) => r.themes],
  ['country', (r) => r.country],
  ['publisherId', (r) => r.publisher?.id],
  ['publisher', (r) => r.publisher?.title],
  ['landingPages', (r) => r.landingPages],
  ['logo', (r) => r.logo],
  ['language', (r) => r.language],
  ['license', (r) => r.license],
  ['personalData', (r) => r.personalData],
  ['populationCoverage', (r) => r.populationCoverage],
  ['vpConnection', (r) => r.vpConnection],
  ['keywords', (r) => r.keyword],
  ['conformsTo', (r) => r.conformsTo],
  ['accessRights', (r) => r.accessRights],
  ['hasPolicy', (r) => r.hasPolicy],
  ['created', (r) => r.created],
  ['updated', (r) => r.updated],
];

export const CSV_HEADER: readonly string[] = COLUMNS.map(([name]) => name);

function cellText(value: string | readonly string[] | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.join(LIST_SEPARATOR);
}

/**
 * One row per resource under a header row, quoted by csv-stringify (RFC 4180: fields
 * holding the delimiter, a quote or a line break are quoted, quotes doubled). `\t` gives TSV.
 */
export function renderCsv(resources: readonly CatalogResource[], delimiter: ',' | '\t' = ','): string {
  const rows = resources.map((r) => COLUMNS.map(([, cell]) => cellText(cell(r))));
  return stringify([[...CSV_HEADER], ...rows], { delimiter, record_delimiter: 'windows' });
}

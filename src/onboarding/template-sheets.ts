import path from 'node:path';
import type { ResourceType } from '../model/catalog-resource';

/** One sheet of the EJP RD Resource Metadata template, as a workbook or a per-sheet export holds it. */
export interface TemplateSheet {
  name: string;
  /** The file it came from (a workbook holds several sheets). */
  source: string;
  rows: TemplateRow[];
}

/** One data row: `where` names it for messages (`Dataset row 2`, `Dataset line 2` in an export). */
export interface TemplateRow {
  where: string;
  cells: Readonly<Record<string, string>>;
}

const RESOURCE_COLUMNS = [
  'License',
  'Title',
  'Description',
  'Theme',
  'Publisher',
  'ContactPoint',
  'PersonalData',
  'PopulationCoverage',
  'Language',
  'AccessRights',
  'LandingPage',
  'Distribution',
  'VPConnection',
  'ODRL Policy',
  'Keyword',
  'Logo',
  'Identifier',
  'Issued',
  'Modified',
  'Version',
  'ConformsTo',
];

/**
 * Each sheet's header row, as the template (commit 8754ffeb) has it. Biobank, PatientRegistry
 * and Dataset share one header, so an export of one of them is told apart by its file name.
 */
export const TEMPLATE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  Organisation: ['Title', 'Description', 'LandingPage', 'Logo', 'Location', 'Identifier'],
  ContactPoint: ['URL'],
  Biobank: RESOURCE_COLUMNS,
  PatientRegistry: RESOURCE_COLUMNS,
  Dataset: RESOURCE_COLUMNS,
  Guideline: [
    'Title',
    'Description',
    'LandingPage',
    'License',
    'Theme',
    'Publisher',
    'Language',
    'PersonalData',
    'ContactPoint',
    'Issued',
    'Modified',
    'AccessRights',
    'Logo',
    'ODRLPolicy',
    'Version',
    'ConformsTo',
    'Keyword',
    'VPConnection',
    'Identifier',
  ],
  Distribution: [
    'License',
    'Title',
    'Description',
    'Publisher',
    'Version',
    'AccessRights',
    'ODRLPolicy',
    'MediaType',
    'IsPartOf',
    'Type',
    'AccessService',
  ],
  DataService: [
    'License',
    'Type',
    'Title',
    'Description',
    'PersonalData',
    'Publisher',
    'Theme',
    'Language',
    'ContactPoint',
    'PopulationCoverage',
    'AccessRights',
    'ConformsTo',
    'EndpointDescription',
    'EndpointURL',
    'LandingPage',
    'VPConnection',
    'ODRLPolicy',
    'Logo',
    'ServesDataset',
    'Keyword',
    'Identifier',
    'Issued',
    'Modified',
    'Version',
  ],
  Catalog: [
    'License',
    'Title',
    'Publisher',
    'PersonalData',
    'Description',
    'Theme',
    'ContactPoint',
    'Language',
    'AccessRights',
    'LandingPage',
    'Dataset',
    'ThemeTaxonomy',
    'Homepage',
    'VPConnection',
    'ODRLPolicy',
    'Keyword',
    'Logo',
    'Distribution',
    'Identifier',
    'Issued',
    'Modified',
    'Version',
    'ConformsTo',
  ],
  Mediatypes: ['Name', 'Template', 'Reference'],
  Languages: ['URI', 'code', 'Label (English)', 'Label (French)'],
};

/** The sheets whose rows become catalog resources, and their v2 type. */
export const SERVED_SHEETS: Readonly<Record<string, ResourceType>> = {
  Biobank: 'ejprd:Biobank',
  PatientRegistry: 'ejprd:PatientRegistry',
  Guideline: 'ejprd:Guideline',
  Dataset: 'dcat:Dataset',
};

/** Rows of these describe what the catalog does not serve: skipped and counted. Lookups are neither. */
export const SKIPPED_SHEETS = ['ContactPoint', 'Distribution', 'DataService', 'Catalog'] as const;

export type SheetMatch = { sheet: string } | { ambiguous: string[] } | undefined;

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

/**
 * The template sheet an export's header row is (empty trailing cells ignored; columns in any
 * order). When several sheets share the header, the one the file name ends with wins
 * (`EJPRD Resource Metadata template - Dataset.tsv`); undefined: not a template sheet.
 */
export function templateSheetOf(header: readonly string[], fileName: string): SheetMatch {
  const names = header.map((h) => h.trim()).filter((h) => h !== '');
  const sheets = Object.keys(TEMPLATE_COLUMNS).filter((s) => sameSet(names, TEMPLATE_COLUMNS[s] ?? []));
  if (sheets.length <= 1) return sheets[0] === undefined ? undefined : { sheet: sheets[0] };
  const stem = path.parse(fileName).name.toLowerCase();
  const named = sheets.filter((s) => stem.endsWith(s.toLowerCase()));
  return named.length === 1 ? { sheet: named[0] as string } : { ambiguous: sheets };
}

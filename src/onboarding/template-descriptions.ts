import type { ResourceType } from '../model/catalog-resource';
import type { PublisherDescription, ResourceDescription } from './resource-descriptions';
import { SERVED_SHEETS, SKIPPED_SHEETS, type TemplateRow, type TemplateSheet } from './template-sheets';

/** One served row of the template, described as an RDF resource would be, with where it is. */
export interface TemplateDescription {
  source: string;
  where: string;
  description: ResourceDescription;
  /** What the template itself refuses: an empty required column, a publisher no organisation row names. */
  problems: string[];
  /** True when the row gave no `Identifier`, so its `@id` was made from its sheet and title. */
  mintedId: boolean;
}

export interface TemplateDescriptions {
  resources: TemplateDescription[];
  /** Filled rows of the sheets the catalog does not serve, counted by sheet. */
  skipped: Map<string, number>;
}

/** The template's columns the v2 item requires (`License` has a default), with the field each fills. */
const REQUIRED_COLUMNS = [
  ['Title', 'title'],
  ['Theme', 'theme'],
  ['Publisher', 'publisher'],
  ['PersonalData', 'personalData'],
  ['Language', 'language'],
  ['VPConnection', 'vpConnection'],
] as const;

const text = (row: TemplateRow, column: string): string | undefined => row.cells[column]?.trim() || undefined;

/** The template's lists are `|`-separated. */
const list = (row: TemplateRow, column: string): string[] =>
  (row.cells[column] ?? '')
    .split('|')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** The template ships each sheet with a row holding only `VPConnection`: that, or an empty row, describes nothing. */
const isFilled = (row: TemplateRow): boolean =>
  Object.entries(row.cells).some(([column, v]) => column !== 'VPConnection' && v.trim() !== '');

/** The template has no IRIs of its own; a row without an `Identifier` is named by its sheet and (unique) title. */
export const templateId = (sheet: string, title: string): string =>
  `urn:ejprd-template:${sheet}:${encodeURIComponent(title)}`;

function organisationsByTitle(sheets: readonly TemplateSheet[]): Map<string, PublisherDescription> {
  const byTitle = new Map<string, PublisherDescription>();
  for (const row of sheets.filter((s) => s.name === 'Organisation').flatMap((s) => s.rows)) {
    const title = text(row, 'Title');
    if (title === undefined || byTitle.has(title)) continue;
    const location = text(row, 'Location');
    byTitle.set(title, {
      iri: text(row, 'Identifier') ?? templateId('Organisation', title),
      title,
      description: text(row, 'Description'),
      homepage: text(row, 'LandingPage'),
      logo: text(row, 'Logo'),
      spatial: location === undefined ? [] : [{ texts: [location], source: `${row.where} Location` }],
    });
  }
  return byTitle;
}

function describeRow(
  sheet: TemplateSheet,
  type: ResourceType,
  row: TemplateRow,
  organisations: ReadonlyMap<string, PublisherDescription>,
): TemplateDescription {
  const problems = REQUIRED_COLUMNS.filter(([column]) => text(row, column) === undefined).map(
    ([column, field]) => `column ${column} is empty: it is required (item.${field})`,
  );
  const publisherTitle = text(row, 'Publisher');
  const publisher = publisherTitle === undefined ? undefined : organisations.get(publisherTitle);
  if (publisherTitle !== undefined && publisher === undefined)
    problems.push(`Publisher "${publisherTitle}" is the Title of no Organisation row (item.publisher)`);
  const title = text(row, 'Title');
  const identifier = text(row, 'Identifier');
  const description: ResourceDescription = {
    iri: identifier ?? (title === undefined ? undefined : templateId(sheet.name, title)),
    type,
    title,
    description: text(row, 'Description'),
    themes: list(row, 'Theme'),
    publisher,
    spatial: [],
    populationCoverage: list(row, 'PopulationCoverage'),
    landingPages: list(row, 'LandingPage'),
    vpConnection: list(row, 'VPConnection'),
    personalData: list(row, 'PersonalData'),
    language: list(row, 'Language'),
    license: text(row, 'License'),
    keyword: list(row, 'Keyword'),
    logo: text(row, 'Logo'),
    conformsTo: text(row, 'ConformsTo'),
    accessRights: text(row, 'AccessRights'),
    hasPolicy: text(row, 'ODRL Policy') ?? text(row, 'ODRLPolicy'),
    issued: text(row, 'Issued'),
    modified: text(row, 'Modified'),
  };
  return { source: sheet.source, where: row.where, description, problems, mintedId: identifier === undefined };
}

/**
 * The filled rows of a template's sheets (one workbook, or its per-sheet exports together):
 * Biobank, PatientRegistry, Guideline and Dataset rows described as resources, each with
 * the Organisation row its `Publisher` names by `Title`; ContactPoint, Distribution,
 * DataService and Catalog rows counted as skipped. Lookup sheets are read for nothing.
 */
export function templateDescriptions(sheets: readonly TemplateSheet[]): TemplateDescriptions {
  const organisations = organisationsByTitle(sheets);
  const resources: TemplateDescription[] = [];
  const skipped = new Map<string, number>();
  for (const sheet of sheets) {
    const type = SERVED_SHEETS[sheet.name];
    const filled = sheet.rows.filter(isFilled);
    if (type !== undefined) for (const row of filled) resources.push(describeRow(sheet, type, row, organisations));
    else if ((SKIPPED_SHEETS as readonly string[]).includes(sheet.name) && filled.length > 0)
      skipped.set(sheet.name, (skipped.get(sheet.name) ?? 0) + filled.length);
  }
  return { resources, skipped };
}

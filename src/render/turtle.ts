import { DataFactory, Writer, type Quad, type Quad_Object, type Quad_Subject } from 'n3';
import type { CatalogResource } from '../model/catalog-resource';
import { DCAT, DCT, FOAF, RDF_TYPE, XSD } from '../onboarding/rdf-vocabulary';
import { EJP_NAMESPACE, themeIri } from './theme-iri';

const { namedNode, literal, blankNode, quad } = DataFactory;

/** Languages as the EJP-RD examples give them: the Library of Congress ISO 639-1 IRIs. */
const ISO_639_1 = 'http://id.loc.gov/vocabulary/iso639-1/';

const TYPE_IRIS: Readonly<Record<CatalogResource['type'], string>> = {
  'ejprd:Biobank': `${EJP_NAMESPACE}Biobank`,
  'ejprd:PatientRegistry': `${EJP_NAMESPACE}PatientRegistry`,
  'ejprd:Guideline': `${EJP_NAMESPACE}Guideline`,
  'dcat:Dataset': `${DCAT}Dataset`,
};

/** An absolute IRI as a node; any other text as a literal, so nothing is written that Turtle cannot read. */
const iriOrLiteral = (value: string): Quad_Object =>
  /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(value) ? namedNode(value) : literal(value);

function dateLiteral(value: string): Quad_Object {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return literal(value, namedNode(`${XSD}date`));
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? literal(value, namedNode(`${XSD}dateTime`)) : literal(value);
}

/** `ejprd:VPContentDiscovery` as its IRI in the context's `ejp:` namespace; anything else as given. */
const vpConnection = (value: string): Quad_Object =>
  value.startsWith('ejprd:') ? namedNode(`${EJP_NAMESPACE}${value.slice(6)}`) : iriOrLiteral(value);

type Add = (predicate: string, object: Quad_Object | undefined) => unknown;

function location(extra: Quad[], country: string): Quad_Object {
  const node = blankNode();
  extra.push(quad(node, namedNode(RDF_TYPE), namedNode(`${DCT}Location`)));
  extra.push(quad(node, namedNode(`${DCT}title`), literal(country)));
  return node;
}

function addPublisher(extra: Quad[], r: CatalogResource, add: Add): void {
  if (r.publisher === undefined) {
    if (r.country !== undefined) add(`${DCT}spatial`, location(extra, r.country));
    return;
  }
  const p = r.publisher;
  const node = namedNode(p.id);
  const has: Add = (predicate, object) => object && extra.push(quad(node, namedNode(predicate), object));
  add(`${DCT}publisher`, node);
  has(RDF_TYPE, namedNode(`${FOAF}Organisation`));
  has(`${DCT}title`, literal(p.title));
  has(`${DCT}description`, p.description === undefined ? undefined : literal(p.description));
  has(`${FOAF}homepage`, p.homepage === undefined ? undefined : iriOrLiteral(p.homepage));
  has(`${FOAF}logo`, p.logo === undefined ? undefined : iriOrLiteral(p.logo));
  if (r.country !== undefined) has(`${DCT}spatial`, location(extra, r.country));
}

/** The resource's own triples, then its publisher's and locations' (so each subject is one block). */
function resourceQuads(r: CatalogResource): Quad[] {
  const own: Quad[] = [];
  const extra: Quad[] = [];
  const subject: Quad_Subject = namedNode(r.id);
  const add: Add = (predicate, object) => object && own.push(quad(subject, namedNode(predicate), object));
  const text = (value: string | undefined) => (value === undefined ? undefined : literal(value));
  const iri = (value: string | undefined) => (value === undefined ? undefined : iriOrLiteral(value));
  add(RDF_TYPE, namedNode(TYPE_IRIS[r.type]));
  add(`${DCT}title`, literal(r.title));
  add(`${DCT}description`, text(r.description));
  for (const theme of r.themes) add(`${DCAT}theme`, iriOrLiteral(themeIri(theme)));
  addPublisher(extra, r, add);
  add(`${EJP_NAMESPACE}populationCoverage`, text(r.populationCoverage));
  for (const page of r.landingPages) add(`${DCAT}landingPage`, iriOrLiteral(page));
  add(`${EJP_NAMESPACE}vpConnection`, vpConnection(r.vpConnection));
  add(`${EJP_NAMESPACE}personalData`, literal(r.personalData, namedNode(`${XSD}boolean`)));
  for (const code of r.language) add(`${DCT}language`, namedNode(`${ISO_639_1}${code}`));
  add(`${DCT}license`, iriOrLiteral(r.license));
  for (const keyword of r.keyword) add(`${DCAT}keyword`, literal(keyword));
  add(`${FOAF}logo`, iri(r.logo));
  add(`${DCT}conformsTo`, iri(r.conformsTo));
  add(`${DCT}accessRights`, iri(r.accessRights));
  add('http://www.w3.org/ns/odrl/2/hasPolicy', iri(r.hasPolicy));
  add(`${DCT}issued`, r.created === undefined ? undefined : dateLiteral(r.created));
  add(`${DCT}modified`, r.updated === undefined ? undefined : dateLiteral(r.updated));
  return [...own, ...extra];
}

const PREFIXES = {
  ejp: EJP_NAMESPACE,
  dcat: DCAT,
  dct: DCT,
  foaf: FOAF,
  xsd: XSD,
  ordo: 'http://www.orpha.net/ORDO/',
  obo: 'http://purl.obolibrary.org/obo/',
};

/**
 * The resources as Turtle in the EJP-RD Resource Metadata model, as `load` and `harvest`
 * read it back: the inverse of the RDF mapping, so this beacon can itself be harvested.
 */
export function renderTurtle(resources: readonly CatalogResource[]): string {
  const writer = new Writer({ prefixes: PREFIXES });
  for (const r of resources) writer.addQuads(resourceQuads(r));
  let text: string | undefined;
  // A Writer without an output stream ends synchronously, handing over the whole text.
  writer.end((error: Error | null, result: string) => {
    if (error) throw error;
    text = result;
  });
  if (text === undefined) throw new Error('the Turtle writer did not finish');
  return text;
}

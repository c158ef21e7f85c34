/**
 * Vocabularies other than ORDO and HPO that real EJP-RD resources name in their themes, so
 * that `/filtering_terms` can describe them and the served JSON-LD context can expand
 * their CURIEs. A prefix missing here still works as a theme; it is only described less.
 * Keys are the canonical (upper-case) CURIE prefixes.
 */
export interface Vocabulary {
  name: string;
  iriPrefix: string;
}

const OBO = 'http://purl.obolibrary.org/obo/';

const obo = (prefix: string, name: string): [string, Vocabulary] => [prefix, { name, iriPrefix: `${OBO}${prefix}_` }];

export const OTHER_VOCABULARIES: ReadonlyMap<string, Vocabulary> = new Map([
  obo('CLO', 'Cell Line Ontology'),
  obo('NCIT', 'NCI Thesaurus OBO Edition'),
  obo('MONDO', 'Mondo Disease Ontology'),
  obo('DOID', 'Human Disease Ontology'),
  obo('UBERON', 'Uberon multi-species anatomy ontology'),
  obo('CL', 'Cell Ontology'),
  obo('GO', 'Gene Ontology'),
  obo('OBI', 'Ontology for Biomedical Investigations'),
  obo('UO', 'Units of measurement ontology'),
  obo('GENO', 'Genotype Ontology'),
  obo('MAXO', 'Medical Action Ontology'),
  obo('OMIT', 'Ontology for MIRNA Target'),
  ['EFO', { name: 'Experimental Factor Ontology', iriPrefix: 'http://www.ebi.ac.uk/efo/EFO_' }],
  ['SIO', { name: 'Semanticscience Integrated Ontology', iriPrefix: 'http://semanticscience.org/resource/SIO_' }],
]);

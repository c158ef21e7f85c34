import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'ontologies');

/** The real, unmodified release files shipped in fixtures/ontologies. */
export const REAL_FILES = {
  hpo: join(FIXTURES, 'hp.v2026-01-08.json.gz'),
  ordo: join(FIXTURES, 'ordo_en_4.2.owl.gz'),
} as const;

/** A scratch folder for synthetic ontology files; call `remove()` in `afterAll`. */
export interface ScratchDir {
  path: string;
  write(name: string, content: string | Buffer, options?: { gzip?: boolean }): string;
  remove(): void;
}

export function scratchDir(): ScratchDir {
  const path = mkdtempSync(join(tmpdir(), 'ontology-test-'));
  return {
    path,
    write(name, content, options = {}) {
      const file = join(path, name);
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      writeFileSync(file, options.gzip === true ? gzipSync(bytes) : bytes);
      return file;
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** All descendants of `id`, following `children` transitively. */
export function descendantsOf(index: { children(id: string): readonly string[] }, id: string): string[] {
  const found = new Set<string>();
  const stack = [id];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    for (const child of index.children(next)) {
      if (!found.has(child)) stack.push(child);
      found.add(child);
    }
  }
  return [...found].sort();
}

const RDF_HEADER = `<?xml version="1.0"?>
<rdf:RDF xmlns="http://www.w3.org/2002/07/owl#"
     xmlns:efo="http://www.ebi.ac.uk/efo/"
     xmlns:owl="http://www.w3.org/2002/07/owl#"
     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
     xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
     xmlns:skos="http://www.w3.org/2004/02/skos/core#">`;

/** Wraps OWL RDF/XML elements in the namespaces ORDO uses. */
export function owlDocument(body: string): string {
  return `${RDF_HEADER}\n${body}\n</rdf:RDF>\n`;
}

const ORDO = 'http://www.orpha.net/ORDO/';

/** An ORDO-style class; `partOf`/`movedTo`/`referredTo` become `owl:Restriction`s. */
export function ordoClass(spec: {
  id: string;
  label?: string;
  notation?: boolean;
  isA?: readonly string[];
  partOf?: readonly string[];
  movedTo?: string;
  referredTo?: string;
  synonyms?: readonly string[];
}): string {
  const restriction = (property: string, target: string): string =>
    `<rdfs:subClassOf><Restriction><onProperty rdf:resource="${property}"/>` +
    `<someValuesFrom rdf:resource="${ORDO}Orphanet_${target}"/></Restriction></rdfs:subClassOf>`;
  const lines = [
    ...(spec.isA ?? []).map((p) => `<rdfs:subClassOf rdf:resource="${ORDO}Orphanet_${p}"/>`),
    ...(spec.partOf ?? []).map((p) => restriction('http://purl.obolibrary.org/obo/BFO_0000050', p)),
    ...(spec.movedTo === undefined ? [] : [restriction(`${ORDO}moved_to`, spec.movedTo)]),
    ...(spec.referredTo === undefined ? [] : [restriction(`${ORDO}referred_to`, spec.referredTo)]),
    ...(spec.synonyms ?? []).map((s) => `<efo:alternative_term xml:lang="en">${s}</efo:alternative_term>`),
    `<rdfs:label>${spec.label ?? `label ${spec.id}`}</rdfs:label>`,
    spec.notation === false ? '' : `<skos:notation>ORPHA:${spec.id}</skos:notation>`,
  ];
  return `<Class rdf:about="${ORDO}Orphanet_${spec.id}">${lines.join('')}</Class>`;
}

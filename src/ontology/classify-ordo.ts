import { canonicalTerm } from '../model/curie';
import type { OrdoOwlGraph } from './ordo-owl-graph';
import { ONTOLOGY_NAMES, newParsedTerm } from './parsed-ontology';
import type { ParsedOntology, ParsedTerm } from './parsed-ontology';

const ORDO = 'http://www.orpha.net/ORDO/';
/** Roots whose whole subtree is set apart: genetic material, and inactive clinical entities. */
export const ORDO_ROOTS = { geneticMaterial: `${ORDO}Orphanet_C010`, inactive: `${ORDO}Orphanet_C041` } as const;
export const ORDO_PROPERTIES = {
  partOf: 'http://purl.obolibrary.org/obo/BFO_0000050',
  movedTo: `${ORDO}moved_to`,
  referredTo: `${ORDO}referred_to`,
} as const;
const ORPHA_NOTATION = /^ORPHA:\d+$/;

/**
 * Children by named `rdfs:subClassOf`. A child's parents are listed once each, so each pair
 * comes once and is appended without a search: a root such as genetic material has
 * thousands of children, and searching each list before appending cost 0.3 s a load.
 */
function namedChildren(graph: OrdoOwlGraph): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [child, parents] of graph.named) {
    for (const parent of parents) {
      const list = children.get(parent);
      if (list === undefined) children.set(parent, [child]);
      else list.push(child);
    }
  }
  return children;
}

/** Every class under `root` by named `rdfs:subClassOf`, `root` excluded. */
function subtree(children: ReadonlyMap<string, readonly string[]>, root: string): Set<string> {
  const found = new Set<string>();
  const stack = [...(children.get(root) ?? [])];
  for (let iri = stack.pop(); iri !== undefined; iri = stack.pop()) {
    if (found.has(iri)) continue;
    found.add(iri);
    for (const child of children.get(iri) ?? []) stack.push(child);
  }
  return found;
}

interface Partition {
  /** Clinical entities with an ORPHA code, not genetic material; value = canonical id. */
  clinical: Map<string, string>;
  inactive: Set<string>;
}

/**
 * Typology classes (C001, 557492/3/4, 3778xx) have no ORPHA notation, so requiring one
 * keeps them out of the terms and out of every parent list.
 */
function partition(graph: OrdoOwlGraph): Partition {
  const children = namedChildren(graph);
  const genes = subtree(children, ORDO_ROOTS.geneticMaterial);
  const inactive = subtree(children, ORDO_ROOTS.inactive);
  const clinical = new Map<string, string>();
  for (const iri of graph.classes) {
    if (genes.has(iri) || !ORPHA_NOTATION.test(graph.notation.get(iri) ?? '')) continue;
    const id = canonicalTerm(iri);
    if (id !== undefined) clinical.set(iri, id);
  }
  return { clinical, inactive };
}

function restrictedTargets(graph: OrdoOwlGraph, property: string, iri: string): readonly string[] {
  return graph.restricted.get(property)?.get(iri) ?? [];
}

/** Named parents that are clinical entities (groups under groups) plus part_of targets. */
function classificationParents(graph: OrdoOwlGraph, parts: Partition, iri: string): string[] {
  const parents: string[] = [];
  const candidates = [...(graph.named.get(iri) ?? []), ...restrictedTargets(graph, ORDO_PROPERTIES.partOf, iri)];
  for (const candidate of candidates) {
    const id = parts.inactive.has(candidate) ? undefined : parts.clinical.get(candidate);
    if (id !== undefined && !parents.includes(id)) parents.push(id);
  }
  return parents;
}

function toTerm(graph: OrdoOwlGraph, parts: Partition, iri: string, id: string): ParsedTerm {
  const term = newParsedTerm(id);
  const label = graph.label.get(iri);
  if (label !== undefined) term.label = label;
  term.synonyms = graph.synonyms.get(iri) ?? [];
  term.obsolete = parts.inactive.has(iri);
  if (!term.obsolete) {
    term.parents = classificationParents(graph, parts, iri);
    return term;
  }
  const canonical = (target: string): string[] => {
    const targetId = parts.clinical.get(target);
    return targetId === undefined ? [] : [targetId];
  };
  term.replacedBy = restrictedTargets(graph, ORDO_PROPERTIES.movedTo, iri).flatMap(canonical)[0];
  term.consider = restrictedTargets(graph, ORDO_PROPERTIES.referredTo, iri).flatMap(canonical);
  return term;
}

/**
 * Orphanet's classification from ORDO 4.x OWL: named `subClassOf` between clinical entities
 * (groups under groups) and `part_of` restrictions (disorders under groups, subtypes under
 * disorders). Inactive entities (under C041) become obsolete terms, `moved_to` their
 * replacement and `referred_to` a mere suggestion; genetic material (under C010) is left out.
 */
export function classifyOrdo(graph: OrdoOwlGraph, file: string): ParsedOntology {
  const parts = partition(graph);
  const terms: ParsedTerm[] = [];
  for (const [iri, id] of parts.clinical) terms.push(toTerm(graph, parts, iri, id));
  return { prefix: 'ordo', name: ONTOLOGY_NAMES.ordo, version: graph.version ?? 'unknown', file, terms };
}

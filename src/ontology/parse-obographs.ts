import { canonicalTerm } from '../model/curie';
import { OntologyLoadError, OntologyLoadFailure } from './ontology-load-error';
import { ONTOLOGY_NAMES, dominantPrefix, newParsedTerm } from './parsed-ontology';
import type { ParsedOntology, ParsedTerm } from './parsed-ontology';

const PRED = {
  altId: 'http://www.geneontology.org/formats/oboInOwl#hasAlternativeId',
  replacedBy: 'http://purl.obolibrary.org/obo/IAO_0100001',
  consider: 'http://www.geneontology.org/formats/oboInOwl#consider',
  versionInfo: 'http://www.w3.org/2002/07/owl#versionInfo',
  partOf: 'http://purl.obolibrary.org/obo/BFO_0000050',
} as const;

interface PropertyValue {
  pred?: unknown;
  val?: unknown;
}
interface NodeMeta {
  deprecated?: unknown;
  synonyms?: PropertyValue[];
  basicPropertyValues?: PropertyValue[];
  version?: unknown;
}
interface GraphNode {
  id?: unknown;
  lbl?: unknown;
  type?: unknown;
  meta?: NodeMeta;
}
interface GraphEdge {
  sub?: unknown;
  pred?: unknown;
  obj?: unknown;
}
interface Graph {
  meta?: NodeMeta;
  nodes?: GraphNode[];
  edges?: GraphEdge[];
}

function canonical(value: unknown): string | undefined {
  return typeof value === 'string' ? canonicalTerm(value) : undefined;
}

function valuesOf(meta: NodeMeta | undefined, pred: string): string[] {
  const out: string[] = [];
  for (const pv of meta?.basicPropertyValues ?? [])
    if (pv.pred === pred && typeof pv.val === 'string') out.push(pv.val);
  return out;
}

function canonicalValues(meta: NodeMeta | undefined, pred: string): string[] {
  return valuesOf(meta, pred).flatMap((v) => canonical(v) ?? []);
}

function nodeToTerm(node: GraphNode, id: string): ParsedTerm {
  const term = newParsedTerm(id);
  if (typeof node.lbl === 'string') term.label = node.lbl;
  const meta = node.meta;
  for (const syn of meta?.synonyms ?? []) {
    if (typeof syn.val === 'string' && !term.synonyms.includes(syn.val)) term.synonyms.push(syn.val);
  }
  term.obsolete = meta?.deprecated === true;
  term.altIds = canonicalValues(meta, PRED.altId);
  term.replacedBy = canonicalValues(meta, PRED.replacedBy)[0];
  term.consider = canonicalValues(meta, PRED.consider);
  return term;
}

function addEdges(edges: readonly GraphEdge[], terms: ReadonlyMap<string, ParsedTerm>): void {
  for (const edge of edges) {
    const isA = edge.pred === 'is_a';
    if (!isA && edge.pred !== PRED.partOf) continue;
    const child = terms.get(canonical(edge.sub) ?? '');
    const parent = canonical(edge.obj);
    if (child === undefined || parent === undefined || child.id === parent) continue;
    if (!isA && !child.id.startsWith('ordo:')) continue;
    if (!child.parents.includes(parent)) child.parents.push(parent);
  }
}

function graphVersion(graph: Graph): string | undefined {
  const info = valuesOf(graph.meta, PRED.versionInfo)[0];
  if (info !== undefined) return info;
  const iri = graph.meta?.version;
  return typeof iri === 'string' ? /\/releases\/([^/]+)\//.exec(iri)?.[1] : undefined;
}

function parseGraphs(text: string, file: string): Graph[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const detail = `invalid JSON (${error instanceof Error ? error.message : String(error)})`;
    throw new OntologyLoadError(file, OntologyLoadFailure.invalidJson, detail, { cause: error });
  }
  const graphs = (doc as { graphs?: unknown } | null)?.graphs;
  if (!Array.isArray(graphs)) {
    throw new OntologyLoadError(
      file,
      OntologyLoadFailure.invalidJson,
      'JSON is not an obographs document (no "graphs" array)',
    );
  }
  return graphs as Graph[];
}

/** Reads an obographs JSON document (e.g. the `hp.json` release) into parsed terms. */
export function parseObographs(text: string, file: string): ParsedOntology {
  const terms = new Map<string, ParsedTerm>();
  let version: string | undefined;
  for (const graph of parseGraphs(text, file)) {
    version ??= graphVersion(graph);
    for (const node of graph.nodes ?? []) {
      const id = canonical(node.id);
      if (id === undefined || (node.type !== undefined && node.type !== 'CLASS')) continue;
      terms.set(id, nodeToTerm(node, id));
    }
    addEdges(graph.edges ?? [], terms);
  }
  const list = [...terms.values()];
  const prefix = dominantPrefix(list);
  return { prefix, name: ONTOLOGY_NAMES[prefix], version: version ?? 'unknown', file, terms: list };
}

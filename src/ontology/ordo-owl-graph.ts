/** What the ORDO OWL reader keeps from the RDF triples, keyed by class IRI. */
export interface OrdoOwlGraph {
  version: string | undefined;
  /** IRIs declared `owl:Class`. */
  classes: Set<string>;
  /** Named `rdfs:subClassOf` parents (typology, C-classes and groups alike). */
  named: Map<string, string[]>;
  /** `owl:someValuesFrom` targets of `rdfs:subClassOf` restrictions, by property IRI. */
  restricted: Map<string, Map<string, string[]>>;
  /** The `ORPHA:<n>` code of clinical entities (other `skos:notation` values are dropped). */
  notation: Map<string, string>;
  label: Map<string, string>;
  synonyms: Map<string, string[]>;
}

export function emptyOrdoOwlGraph(): OrdoOwlGraph {
  return {
    version: undefined,
    classes: new Set(),
    named: new Map(),
    restricted: new Map(),
    notation: new Map(),
    label: new Map(),
    synonyms: new Map(),
  };
}

/** Appends `value` to the list under `key`, creating it. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

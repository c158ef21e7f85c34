import { canonicalTerm } from '../model/curie';
import { OntologyLoadError, OntologyLoadFailure } from './ontology-load-error';
import { ONTOLOGY_NAMES, dominantPrefix, newParsedTerm } from './parsed-ontology';
import type { ParsedOntology, ParsedTerm } from './parsed-ontology';

const STANZA = /^\[([A-Za-z]+)\]$/;
const TAG_VALUE = /^([A-Za-z][\w-]*):\s*(.*)$/;
const QUOTED = /^"((?:[^"\\]|\\.)*)"/;

interface OboState {
  stanza: string;
  term: ParsedTerm | undefined;
  version: string | undefined;
  terms: Map<string, ParsedTerm>;
}

function unescapeObo(text: string): string {
  return text.replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
}

/** The first token of a value, without trailing `{qualifiers}` or `! comment`. */
function firstToken(value: string): string {
  return value.split(/[\s{!]/, 1)[0] ?? '';
}

function startStanza(state: OboState, name: string): void {
  state.stanza = name;
  state.term = undefined;
}

function headerTag(state: OboState, tag: string, value: string): void {
  if (tag === 'data-version') state.version = /releases\/([^/\s]+)/.exec(value)?.[1] ?? value.trim();
}

function addRef(list: string[], value: string): void {
  const id = canonicalTerm(firstToken(value));
  if (id !== undefined && !list.includes(id)) list.push(id);
}

function termTag(state: OboState, tag: string, value: string): void {
  if (tag === 'id') {
    const id = canonicalTerm(firstToken(value));
    state.term = id === undefined ? undefined : newParsedTerm(id);
    if (state.term) state.terms.set(state.term.id, state.term);
    return;
  }
  const term = state.term;
  if (term === undefined) return;
  if (tag === 'name') term.label = unescapeObo(value.trim());
  else if (tag === 'synonym') {
    const text = QUOTED.exec(value)?.[1];
    if (text !== undefined && !term.synonyms.includes(unescapeObo(text))) term.synonyms.push(unescapeObo(text));
  } else if (tag === 'is_a') addRef(term.parents, value);
  else if (tag === 'relationship' && value.startsWith('part_of ') && term.id.startsWith('ordo:')) {
    addRef(term.parents, value.slice('part_of '.length));
  } else if (tag === 'alt_id') addRef(term.altIds, value);
  else if (tag === 'consider') addRef(term.consider, value);
  else if (tag === 'replaced_by') term.replacedBy ??= canonicalTerm(firstToken(value));
  else if (tag === 'is_obsolete') term.obsolete = value.trim() === 'true';
}

function readLine(state: OboState, line: string, lineNo: number, file: string): void {
  const text = line.trim();
  if (text === '' || text.startsWith('!')) return;
  const stanza = STANZA.exec(text);
  if (stanza?.[1] !== undefined) return startStanza(state, stanza[1]);
  const tv = TAG_VALUE.exec(text);
  if (tv?.[1] === undefined || tv[2] === undefined) {
    throw new OntologyLoadError(file, OntologyLoadFailure.invalidObo, `line ${lineNo} is not an OBO "tag: value" line`);
  }
  if (state.stanza === 'header') headerTag(state, tv[1], tv[2]);
  else if (state.stanza === 'Term') termTag(state, tv[1], tv[2]);
}

/** A small line-based reader of OBO 1.2/1.4 flat files: terms, is_a, alt_id, obsolescence. */
export function parseObo(text: string, file: string): ParsedOntology {
  const state: OboState = { stanza: 'header', term: undefined, version: undefined, terms: new Map() };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => readLine(state, line, index + 1, file));
  const terms = [...state.terms.values()];
  for (const term of terms) if (term.obsolete) term.parents = [];
  const prefix = dominantPrefix(terms);
  return { prefix, name: ONTOLOGY_NAMES[prefix], version: state.version ?? 'unknown', file, terms };
}

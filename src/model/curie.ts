/**
 * Canonical spellings of ORDO and HPO terms, and the many spellings people send.
 * Canonical: `ordo:Orphanet_<digits>` and `hp:<7 digits>`.
 */

export type TermDialect = 'v1' | 'v2';

export interface TermSpelling {
  /** The canonical CURIE. */
  id: string;
  /** `v1` for the bare VP v1 ids (`Orphanet_558`, `HP_0001251`), `v2` for prefixed CURIEs and IRIs. */
  dialect: TermDialect;
}

const ORDO_V1 = /^orphanet_(\d+)$/i;
const ORDO_V2 = /^(?:ordo:orphanet_|obo:orphanet_|orpha:|orphanet:|ordo:)(\d+)$/i;
const ORDO_IRI_FORM = /^https?:\/\/(?:www\.orpha\.net\/ORDO|purl\.obolibrary\.org\/obo)\/Orphanet_(\d+)$/i;
const HPO_V1 = /^hp_(\d{7})$/i;
const HPO_V2 = /^(?:hp:|obo:hp_|hpo:)(\d{7})$/i;
const HPO_IRI_FORM = /^https?:\/\/purl\.obolibrary\.org\/obo\/HP_(\d{7})$/i;

export function ordoCurie(digits: string): string {
  return `ordo:Orphanet_${Number(digits)}`;
}

export function hpoCurie(digits: string): string {
  return `hp:${digits}`;
}

/** Reads any accepted spelling of an ORDO or HPO term; `undefined` for anything else. */
export function parseTermSpelling(raw: string): TermSpelling | undefined {
  const text = raw.trim();
  let m = ORDO_V1.exec(text);
  if (m?.[1]) return { id: ordoCurie(m[1]), dialect: 'v1' };
  m = ORDO_V2.exec(text) ?? ORDO_IRI_FORM.exec(text);
  if (m?.[1]) return { id: ordoCurie(m[1]), dialect: 'v2' };
  m = HPO_V1.exec(text);
  if (m?.[1]) return { id: hpoCurie(m[1]), dialect: 'v1' };
  m = HPO_V2.exec(text) ?? HPO_IRI_FORM.exec(text);
  if (m?.[1]) return { id: hpoCurie(m[1]), dialect: 'v2' };
  return undefined;
}

/** The canonical CURIE for an ORDO/HPO spelling, or `undefined`. */
export function canonicalTerm(raw: string): string | undefined {
  return parseTermSpelling(raw)?.id;
}

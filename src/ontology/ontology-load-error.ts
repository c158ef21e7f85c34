/** Why an ontology file could not be loaded. */
export const OntologyLoadFailure = {
  notFound: 'not_found',
  unreadable: 'unreadable',
  truncated: 'truncated',
  unrecognisedFormat: 'unrecognised_format',
  invalidJson: 'invalid_json',
  invalidOwl: 'invalid_owl',
  invalidObo: 'invalid_obo',
  noTerms: 'no_terms',
} as const;

export type OntologyLoadFailure = (typeof OntologyLoadFailure)[keyof typeof OntologyLoadFailure];

/** A start-up error naming the file and what is wrong with it. */
export class OntologyLoadError extends Error {
  override readonly name = 'OntologyLoadError';
  readonly file: string;
  readonly reason: OntologyLoadFailure;

  constructor(file: string, reason: OntologyLoadFailure, detail: string, options?: { cause?: unknown }) {
    super(`cannot load ontology file ${file}: ${detail}`, options);
    this.file = file;
    this.reason = reason;
  }
}

import { join } from 'node:path';
import { loadOntologyFile } from '../../src/ontology';

export interface Theme {
  id: string;
  label: string;
}

/** Diseases (ORDO) and phenotypes (HPO) with labels, in a fixed order, from the shipped releases. */
export interface ThemePool {
  diseases: Theme[];
  phenotypes: Theme[];
}

export const ONTOLOGY_FILES = [
  join(__dirname, '..', '..', 'fixtures', 'ontologies', 'hp.v2026-01-08.json.gz'),
  join(__dirname, '..', '..', 'fixtures', 'ontologies', 'ordo_en_4.2.owl.gz'),
];

function byId(a: Theme, b: Theme): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function loadThemePool(files: readonly string[] = ONTOLOGY_FILES): Promise<ThemePool> {
  const pool: ThemePool = { diseases: [], phenotypes: [] };
  for (const file of files) {
    const parsed = await loadOntologyFile(file);
    for (const term of parsed.terms) {
      if (term.obsolete || !term.label) continue;
      (term.id.startsWith('ordo:') ? pool.diseases : pool.phenotypes).push({ id: term.id, label: term.label });
    }
  }
  pool.diseases.sort(byId);
  pool.phenotypes.sort(byId);
  return pool;
}

import { RESOURCE_TYPES, type ResourceType } from '../model/catalog-resource';

/** The v1 names of the resource types (VP CATALOGS.md v1 table and v1 item schema). */
export const V1_TYPE_NAMES: Readonly<Record<ResourceType, string>> = {
  'ejprd:Biobank': 'BiobankDataset',
  'ejprd:PatientRegistry': 'PatientRegistryDataset',
  'ejprd:Guideline': 'Guideline',
  'dcat:Dataset': 'Dataset',
};

const BY_LOWER_NAME = new Map<string, ResourceType>();
for (const type of RESOURCE_TYPES) {
  BY_LOWER_NAME.set(type.toLowerCase(), type);
  BY_LOWER_NAME.set(V1_TYPE_NAMES[type].toLowerCase(), type);
}

/** Reads a resource type in either dialect, any case (`BiobankDataset`, `EJPRD:Biobank`). */
export function readResourceType(raw: string): ResourceType | undefined {
  return BY_LOWER_NAME.get(raw.trim().toLowerCase());
}

/** Only the CURIE spelling: what may stand as an ontology filter `id`. */
export function readResourceTypeCurie(raw: string): ResourceType | undefined {
  const type = readResourceType(raw);
  return type && raw.includes(':') ? type : undefined;
}

import type { Request, RequestHandler, Response } from 'express';
import type { AppDeps } from '../http/app-deps';
import { sendCacheable } from '../http/caching';
import { requireJsonAccept } from '../http/negotiation';
import { informationalMeta } from '../render/envelope';
import type { ItemSchema } from '../render/item-schemas';
import { beaconInfo } from './beacon-info';
import { serviceInfo } from './service-info';
import { beaconConfiguration } from './beacon-configuration';
import { beaconMap } from './beacon-map';
import { filteringTerms } from './filtering-terms';
import { principalOf } from '../auth/principal';
import { termsForPrincipal } from '../auth/terms-for-principal';

type Body = Record<string, unknown>;

function bothSchemas(deps: AppDeps): ItemSchema[] {
  return deps.config.defaultSchema === 'v1' ? ['v1', 'v2'] : ['v2', 'v1'];
}

/** An informational endpoint: JSON only, cacheable, revalidated by ETag. */
function informational(deps: AppDeps, build: () => Body | Promise<Body>): RequestHandler {
  return async (req: Request, res: Response): Promise<void> => {
    requireJsonAccept(req);
    sendCacheable(req, res, await build(), deps.config.cacheMaxAgeSeconds);
  };
}

/** `/` and `/info`: `beaconInfoResponse`. Fixed for the life of the process, so built once. */
export function createInfoHandler(deps: AppDeps): RequestHandler {
  const body = { meta: informationalMeta(deps.config, []), response: beaconInfo(deps.config, deps.ontology?.versions) };
  return informational(deps, () => body);
}

/** `/service-info`: GA4GH service-info, with no Beacon envelope. */
export function createServiceInfoHandler(deps: AppDeps): RequestHandler {
  const body = serviceInfo(deps.config);
  return informational(deps, () => body);
}

export function createConfigurationHandler(deps: AppDeps): RequestHandler {
  const body = { meta: informationalMeta(deps.config, bothSchemas(deps)), response: beaconConfiguration(deps.config) };
  return informational(deps, () => body);
}

export function createMapHandler(deps: AppDeps): RequestHandler {
  const body = { meta: informationalMeta(deps.config, bothSchemas(deps)), response: beaconMap(deps.config) };
  return informational(deps, () => body);
}

/**
 * `/filtering_terms`: derived from the store on every request, so it follows data changes,
 * and from the caller's tier, so it names no term only withheld resources carry. Answers
 * vary with the credential headers; a credentialed caller's answer is private.
 */
export function createFilteringTermsHandler(deps: AppDeps): RequestHandler {
  const { config, ontology } = deps;
  const meta = informationalMeta(config, []);
  const labels = ontology ? (id: string) => ontology.label(id) : undefined;
  const versions = Object.fromEntries((ontology?.versions ?? []).map((v) => [v.prefix, v.version]));
  return async (req: Request, res: Response): Promise<void> => {
    requireJsonAccept(req);
    const principal = principalOf(res);
    const body = {
      meta,
      response: filteringTerms(await termsForPrincipal(deps.store, principal, config), labels, versions),
    };
    res.vary('Authorization');
    res.vary('auth-key');
    sendCacheable(
      req,
      res,
      body,
      config.cacheMaxAgeSeconds,
      undefined,
      principal.kind === 'anonymous' ? 'public' : 'private',
    );
  };
}

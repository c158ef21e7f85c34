import helmet from 'helmet';

/**
 * helmet for a JSON API: nothing may be loaded or framed from a response, yet the
 * answers stay readable cross-origin (portals and aggregators fetch from browsers; CORS
 * itself is configured elsewhere).
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

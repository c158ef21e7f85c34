/**
 * `TRUST_PROXY` -> Express's `trust proxy` value: empty trusts nobody (the socket address
 * is the client), a number is a hop count, anything else a list such as `loopback, 10.0.0.0/8`.
 */
export function trustProxySetting(value: string): boolean | number | string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === 'false') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed;
}

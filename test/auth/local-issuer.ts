import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type KeyLike } from 'jose';

export const ISSUER = 'https://issuer.test.invalid';
export const AUDIENCE = 'beacon-catalog';

export interface SignOptions {
  key?: KeyLike;
  expiresIn?: string | number;
  audience?: string;
  kid?: string;
  /** A `jku` header naming the JWKS that holds the key. */
  jku?: string;
  /** Only `claims`: no `iss`, `aud`, `iat` or `exp` added. */
  bare?: boolean;
}

/** An OIDC-like issuer on loopback: keys generated here, JWKS served at /jwks. */
export interface LocalIssuer {
  jwksUri: string;
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  /** A key pair the issuer never published. */
  strangerKey: KeyLike;
  close(): Promise<void>;
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'issuer-key-1', alg: 'RS256', use: 'sig' };
  const server: Server = http.createServer((req, res) => {
    if (req.url !== '/jwks') return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    jwksUri: `http://127.0.0.1:${port}/jwks`,
    strangerKey: stranger.privateKey,
    sign: (claims, options = {}) => {
      const jwt = new SignJWT(claims).setProtectedHeader({
        alg: 'RS256',
        kid: options.kid ?? 'issuer-key-1',
        ...(options.jku ? { jku: options.jku } : {}),
      });
      if (!options.bare)
        jwt
          .setIssuer(ISSUER)
          .setAudience(options.audience ?? AUDIENCE)
          .setIssuedAt()
          .setExpirationTime(options.expiresIn ?? '5m');
      return jwt.sign(options.key ?? privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A JWT with `alg: none` and no signature. */
export function unsignedToken(claims: JWTPayload): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/**
 * The development key pair for ride and staff tokens: made on first use, kept in the
 * git-ignored folder .local-keys/ of this chapter, and shared by `npm run dev` (which gives
 * the authorizer the public key) and `npm run token` (which signs with the private key).
 * A deployed stage trusts whatever public keys you put in its SSM parameter; the private
 * key of a real signer lives with the signer (the ride app's backend, or AWS KMS), never here.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { tokenAlgorithm, tokenAudience, tokenIssuer } from '../src/auth/token-rules';

export const keyFolder = join(__dirname, '..', '.local-keys');
const privateKeyFile = join(keyFolder, 'token-signing-key.json');

/** The private key as a JWK, made and saved the first time it is asked for. */
async function privateJwk(): Promise<JWK> {
  try {
    return JSON.parse(readFileSync(privateKeyFile, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(tokenAlgorithm, { extractable: true });
  const jwk = await exportJWK(privateKey);
  // The key id is the key's own thumbprint (RFC 7638): the same key always gets the same id.
  const key: JWK = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: tokenAlgorithm, use: 'sig' };
  mkdirSync(keyFolder, { recursive: true });
  try {
    // 'wx': if another process (a second test stack, say) saved one first, use that one.
    writeFileSync(privateKeyFile, `${JSON.stringify(key, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(readFileSync(privateKeyFile, 'utf8')) as JWK;
  }
}

/** The public half, as the JSON Web Key Set the authorizer reads. */
export async function publicKeySet(): Promise<string> {
  const { kty, crv, x, y, kid, alg, use } = await privateJwk();
  return JSON.stringify({ keys: [{ kty, crv, x, y, kid, alg, use }] });
}

export interface TokenOptions {
  /** Seconds from issue to expiry. */
  lifetimeSeconds: number;
  /** The moment of issue (default: now). */
  issuedAt?: Date;
}

// #region sign-token
/**
 * A token as the company's token service would sign it: its claims, the issuer and
 * audience of src/auth/token-rules.ts, an issue time and a short expiry, and a header
 * that names the algorithm and the key (`kid`), so that a verifier can pick the right
 * public key among several while keys are being rotated.
 */
export async function signToken(claims: { sub: string } & Record<string, string>, options: TokenOptions): Promise<string> {
  const key = await privateJwk();
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: tokenAlgorithm, kid: key.kid, typ: 'JWT' })
    .setIssuer(tokenIssuer)
    .setAudience(tokenAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.lifetimeSeconds)
    .sign(await importJWK(key, tokenAlgorithm));
}
// #endregion sign-token

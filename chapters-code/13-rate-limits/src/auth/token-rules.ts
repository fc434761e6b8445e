import { driverIdSchema, rideIdSchema } from '../domain/schemas';

/**
 * The rules every token of this API follows, in one place: the authorizer checks them
 * (src/auth/verify-token.ts) and the development tokens follow them (local/dev-keys.ts).
 */

// #region token-rules
/** Who signs the tokens: the company's token service, for its ride app and staff console. */
export const tokenIssuer = 'https://auth.rate-the-ride.example';
/** Whom they are for: this API, and no other API that trusts the same signer. */
export const tokenAudience = 'driver-ratings-api';
/**
 * ECDSA with the P-256 curve and SHA-256: a private key signs, a public key checks, so the
 * API holds nothing that can make a token. Every JWT library supports it, and so does AWS
 * KMS, where a production signer would keep its private key.
 */
export const tokenAlgorithm = 'ES256';
/** No token is accepted more than an hour after it was issued, whatever its `exp` says. */
export const maxTokenAgeSeconds = 3600;
/** Clocks drift: a token may be this many seconds early (`nbf`, `iat`) or late (`exp`). */
export const clockToleranceSeconds = 30;
// #endregion token-rules

// #region token-callers
/**
 * Who a valid token speaks for: the authorizer's context, which API Gateway hands to the
 * functions. Context values must be strings, numbers or booleans, so scopes stay one
 * space-separated string, as in the token (RFC 8693's `scope`).
 */
export type TokenCaller =
  | { kind: 'rider'; rider: string; ride: string; driver: string }
  | { kind: 'staff'; staff: string; scope: string };

const subjectPattern = /^[A-Za-z0-9_.@:-]{1,128}$/;
/** Scope tokens separated by single spaces, in the characters RFC 6749 (section 3.3) allows. */
const scopePattern = /^(?=.{1,200}$)[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/;

/**
 * The caller a token's claims describe, or undefined. A ride token names a ride and its
 * driver and has no scope; a staff token has a scope and names no ride. A token with
 * both, or neither, or an id that no path could carry, describes nobody.
 */
export function callerOfClaims(claims: Record<string, unknown>): TokenCaller | undefined {
  const { sub, ride, driver, scope } = claims;
  if (typeof sub !== 'string' || !subjectPattern.test(sub)) return undefined;
  const namesARide = ride !== undefined || driver !== undefined;
  if (namesARide && scope === undefined) {
    const rideId = rideIdSchema.safeParse(ride);
    const driverId = driverIdSchema.safeParse(driver);
    if (!rideId.success || !driverId.success) return undefined;
    return { kind: 'rider', rider: sub, ride: rideId.data, driver: driverId.data };
  }
  if (!namesARide && typeof scope === 'string' && scopePattern.test(scope)) {
    return { kind: 'staff', staff: sub, scope };
  }
  return undefined;
}
// #endregion token-callers

/**
 * The authorizer against tokens this test makes itself, one per way a token can be wrong.
 * Each gets exactly one of two answers: an Allow policy with the caller in its context, or
 * the error "Unauthorized" (API Gateway's 401). Nothing else may come out for a bad token:
 * on AWS any other error is a 500-class AUTHORIZER_FAILURE.
 */
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { guardedRoutes } from '../../src/auth/policy';
import { tokenAudience, tokenIssuer } from '../../src/auth/token-rules';
import { tokenKeysFrom } from '../../src/auth/verify-token';
import { handlerWith } from '../../src/handlers/authorizer';
import sample from '../../events/authorizer.json';

const ratingsArn = sample.methodArn; // .../abcdefghij/dev/POST/drivers/d-1/ratings
const driversArn = 'arn:aws:execute-api:us-east-1:123456789012:abcdefghij/dev/POST/drivers';

let signingKey: CryptoKey;
let otherKey: CryptoKey;
let publicKey: CryptoKey;
let publicJwk: JWK;
let authorize: (event: APIGatewayTokenAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;
const kid = 'test-key-1';
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  signingKey = pair.privateKey;
  publicKey = pair.publicKey;
  otherKey = (await generateKeyPair('ES256')).privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256', use: 'sig' };
  const keys = tokenKeysFrom(JSON.stringify({ keys: [publicJwk] }));
  authorize = handlerWith(async () => keys);
});

beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

const rideClaims = { sub: 'rider-7', ride: 'ride-42', driver: 'd-1' };
const staffClaims = { sub: 'staff-3', scope: 'drivers:write' };

interface Made {
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  key?: CryptoKey;
  issuedAt?: number;
  expiresAt?: number | null;
  issuer?: string | null;
  audience?: string | null;
}

/** A token with the right issuer, audience and times unless the test says otherwise. */
async function token({ claims = rideClaims, header = {}, key = signingKey, issuedAt = now(), expiresAt = now() + 900, issuer = tokenIssuer, audience = tokenAudience }: Made = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, ...header }).setIssuedAt(issuedAt);
  if (expiresAt !== null) jwt.setExpirationTime(expiresAt);
  if (issuer !== null) jwt.setIssuer(issuer);
  if (audience !== null) jwt.setAudience(audience);
  return jwt.sign(key);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const event = (authorizationToken: string, methodArn = ratingsArn): APIGatewayTokenAuthorizerEvent => ({ type: 'TOKEN', authorizationToken, methodArn });
/** Refused with exactly Error('Unauthorized'), for the reason the test expects (the log says which check failed). */
async function refused(authorizationToken: string, reason?: string): Promise<void> {
  jest.mocked(console.warn).mockClear();
  await expect(authorize(event(authorizationToken))).rejects.toEqual(new Error('Unauthorized'));
  if (reason) expect(JSON.parse(String(jest.mocked(console.warn).mock.calls[0]?.[0])).reason).toBe(reason);
}

/** API Gateway's matching of a policy's Resource against a method ARN: "*" matches any run of characters. */
const allows = (policy: APIGatewayAuthorizerResult, methodArn: string) =>
  policy.policyDocument.Statement.some((statement) => {
    if (statement.Effect !== 'Allow' || !('Resource' in statement)) return false;
    const pattern = (resource: string) => resource.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return [statement.Resource ?? []].flat().some((resource) => new RegExp(`^${pattern(resource)}$`).test(methodArn));
  });

// #region authorizer-allows
describe('a valid token', () => {
  it('gets an Allow policy, with the rider, the ride and the driver as the context', async () => {
    const answer = await authorize(event(`Bearer ${await token()}`));
    expect(answer.principalId).toBe('rider-7');
    expect(answer.context).toEqual({ kind: 'rider', rider: 'rider-7', ride: 'ride-42', driver: 'd-1' });
    expect(allows(answer, ratingsArn)).toBe(true);
  });

  it('of staff gets the staff member and the scope as the context', async () => {
    const answer = await authorize(event(`Bearer ${await token({ claims: staffClaims })}`, driversArn));
    expect(answer.context).toEqual({ kind: 'staff', staff: 'staff-3', scope: 'drivers:write' });
  });

  it('gets a policy that allows every guarded route of the stage, whichever route it was checked for', async () => {
    const bearer = `Bearer ${await token()}`;
    const fromRatings = await authorize(event(bearer, ratingsArn));
    const fromDrivers = await authorize(event(bearer, driversArn));
    // API Gateway reuses the cached answer on the other route: it must allow both.
    expect(fromRatings.policyDocument).toEqual(fromDrivers.policyDocument);
    for (const arn of [ratingsArn, driversArn, ratingsArn.replace('d-1', 'd-2')]) expect(allows(fromRatings, arn)).toBe(true);
    expect(guardedRoutes).toHaveLength(2);
    // And nothing beyond them: not the partners' routes, not another stage, not another API.
    for (const arn of [ratingsArn.replace('POST', 'GET'), ratingsArn.replace('/dev/', '/prod/'), driversArn.replace('abcdefghij', 'otherapi00')]) {
      expect(allows(fromRatings, arn)).toBe(false);
    }
  });

  it('is still accepted up to 30 seconds after it expired, for clocks that differ', async () => {
    await expect(authorize(event(`Bearer ${await token({ issuedAt: now() - 600, expiresAt: now() - 20 })}`))).resolves.toMatchObject({ principalId: 'rider-7' });
  });
});
// #endregion authorizer-allows

// #region authorizer-refuses
describe('a token that is wrong in any way gets "Unauthorized", and nothing else', () => {
  // #region bad-claims
  const claimsCheck = 'ERR_JWT_CLAIM_VALIDATION_FAILED';
  it.each([
    ['expired', { issuedAt: now() - 1200, expiresAt: now() - 300 }, 'ERR_JWT_EXPIRED'],
    ['not valid yet (nbf)', { claims: { ...rideClaims, nbf: now() + 300 } }, claimsCheck],
    ['issued in the future', { issuedAt: now() + 300, expiresAt: now() + 900 }, claimsCheck],
    ['issued over an hour ago, however long it claims to live', { issuedAt: now() - 3700, expiresAt: now() + 3600 }, 'ERR_JWT_EXPIRED'],
    ['for another audience', { audience: 'another-api' }, claimsCheck],
    ['from another issuer', { issuer: 'https://auth.example.com' }, claimsCheck],
    ['without an audience', { audience: null }, claimsCheck],
    ['without an issuer', { issuer: null }, claimsCheck],
    ['without an expiry', { expiresAt: null }, claimsCheck],
    ['without a subject', { claims: { ride: 'ride-42', driver: 'd-1' } }, claimsCheck],
    ['naming a ride but no driver', { claims: { sub: 'rider-7', ride: 'ride-42' } }, 'ERR_CLAIMS_DESCRIBE_NO_CALLER'],
    ['naming a ride id no path could carry', { claims: { ...rideClaims, ride: 'ride 42' } }, 'ERR_CLAIMS_DESCRIBE_NO_CALLER'],
    ['naming a ride and carrying a scope', { claims: { ...rideClaims, scope: 'drivers:write' } }, 'ERR_CLAIMS_DESCRIBE_NO_CALLER'],
    ['naming neither a ride nor a scope', { claims: { sub: 'rider-7' } }, 'ERR_CLAIMS_DESCRIBE_NO_CALLER'],
  ] as Array<[string, Made, string]>)('%s', async (_label, made, reason) => {
    await refused(`Bearer ${await token(made)}`, reason);
  });
  // #endregion bad-claims

  // #region forged-tokens
  it('signed by another key under the same key id', async () => {
    await refused(`Bearer ${await token({ key: otherKey })}`, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('signed by another key under a key id the API does not know', async () => {
    await refused(`Bearer ${await token({ key: otherKey, header: { kid: 'attacker-key' } })}`, 'ERR_JWKS_NO_MATCHING_KEY');
  });

  it('with "alg": "none" and no signature', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...rideClaims, iss: tokenIssuer, aud: tokenAudience, iat: now(), exp: now() + 900 })}.`;
    await refused(`Bearer ${unsigned}`, 'ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('signed with HS256, using the public key as the shared secret', async () => {
    const publicPem = await exportSPKI(publicKey);
    for (const secret of [publicPem, JSON.stringify(publicJwk)]) {
      const forged = await new SignJWT({ ...rideClaims }).setProtectedHeader({ alg: 'HS256', kid }).setIssuer(tokenIssuer).setAudience(tokenAudience)
        .setIssuedAt().setExpirationTime('15m').sign(new TextEncoder().encode(secret));
      await refused(`Bearer ${forged}`, 'ERR_JOSE_ALG_NOT_ALLOWED');
    }
  });

  it('with its claims edited and the signature kept', async () => {
    const [header, , signature] = (await token()).split('.');
    const edited = base64url({ ...rideClaims, driver: 'd-2', iss: tokenIssuer, aud: tokenAudience, iat: now(), exp: now() + 900 });
    await refused(`Bearer ${header}.${edited}.${signature}`, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });
  // #endregion forged-tokens

  it('truncated', async () => {
    const whole = await token();
    for (const cut of [whole.slice(0, -10), whole.slice(0, whole.lastIndexOf('.')), whole.split('.')[0]!]) await refused(`Bearer ${cut}`);
  });

  it.each([
    ['no token after the scheme', 'Bearer '],
    ['one word', 'Bearer garbage'],
    ['three short parts', 'Bearer a.b.c'],
    ['dots only', 'Bearer ....'],
    ['5,000 characters', `Bearer ${'A'.repeat(5000)}`],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['no scheme', 'garbage'],
    ['nothing', ''],
  ])('that is garbage: %s', async (_label, header) => refused(header));

  it('sent without the Bearer scheme, or with it in other letters', async () => {
    const valid = await token();
    for (const header of [valid, `bearer ${valid}`, `Bearer  ${valid}`, `Bearer ${valid} `]) await refused(header);
  });

  it('never writes the token to the logs, only why it was refused', async () => {
    const expired = await token({ issuedAt: now() - 1200, expiresAt: now() - 300 });
    await refused(`Bearer ${expired}`);
    const logged = jest.mocked(console.warn).mock.calls.flat().join('\n');
    expect(logged).toContain('ERR_JWT_EXPIRED');
    expect(logged).not.toContain(expired.split('.')[1]!);
  });
});
// #endregion authorizer-refuses

describe('when the keys cannot be read', () => {
  it('fails with the cause, not "Unauthorized": API Gateway answers 503, and the token is not blamed', async () => {
    const failing = handlerWith(async () => {
      throw new Error('ParameterNotFound');
    });
    await expect(failing(event(`Bearer ${await token()}`))).rejects.toThrow('ParameterNotFound');
  });
});

describe('the key set', () => {
  it('refuses a private key: only public keys belong in it', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    expect(() => tokenKeysFrom(JSON.stringify({ keys: [privateJwk] }))).toThrow(/private key/);
  });

  it('refuses JSON that is not a key set', () => {
    expect(() => tokenKeysFrom('{"kty":"EC"}')).toThrow(/JSON Web Key Set/);
    expect(() => tokenKeysFrom('not json')).toThrow();
  });
});

import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { publishKey, rotationWaits, withdrawKey } from '../../../exercises/token-key-rotation';
import { tokenAudience, tokenIssuer } from '../../../src/auth/token-rules';
import { InvalidTokenError, tokenKeysFrom, verifyToken } from '../../../src/auth/verify-token';
import { tokenKeysFromEnvironment } from '../../../src/aws/ssm';

interface Signer {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function signer(kid: string): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

/** A ride token issued at `issuedAt` (seconds), living the longest the API accepts. */
function rideToken({ privateKey, publicJwk }: Signer, issuedAt: number): Promise<string> {
  return new SignJWT({ sub: 'rider-7', ride: 'ride-1', driver: 'd-1' })
    .setProtectedHeader({ alg: 'ES256', kid: publicJwk.kid! })
    .setIssuer(tokenIssuer)
    .setAudience(tokenAudience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + 3600)
    .sign(privateKey);
}

const at = (seconds: number) => new Date(seconds * 1000);
const accepts = (keySet: string, token: string, seconds: number) => verifyToken(token, tokenKeysFrom(keySet), at(seconds));

describe('exercise: rotating the key that signs tokens', () => {
  let old: Signer;
  let next: Signer;
  let before: string;
  const switchedAt = 1_796_630_400;

  beforeAll(async () => {
    old = await signer('2026-06');
    next = await signer('2026-12');
    before = JSON.stringify({ keys: [old.publicJwk] });
  });

  it('accepts tokens of either key while both are published', async () => {
    const both = publishKey(before, next.publicJwk);
    await expect(accepts(both, await rideToken(old, switchedAt), switchedAt + 60)).resolves.toMatchObject({ rider: 'rider-7' });
    await expect(accepts(both, await rideToken(next, switchedAt), switchedAt + 60)).resolves.toMatchObject({ rider: 'rider-7' });
  });

  it('must keep the old key for as long as its last token can be accepted', async () => {
    const both = publishKey(before, next.publicJwk);
    const lastOldToken = await rideToken(old, switchedAt);
    // Withdrawn one second too early, this token, still valid, would be refused.
    await expect(accepts(both, lastOldToken, switchedAt + rotationWaits.beforeWithdrawingOldKey - 1)).resolves.toBeDefined();
    await expect(accepts(both, lastOldToken, switchedAt + rotationWaits.beforeWithdrawingOldKey + 1)).rejects.toThrow(InvalidTokenError);
  });

  it('refuses the old key once it is withdrawn, and keeps the new one', async () => {
    const after = withdrawKey(publishKey(before, next.publicJwk), '2026-06');
    await expect(accepts(after, await rideToken(old, switchedAt), switchedAt + 60)).rejects.toMatchObject({ reason: 'ERR_JWKS_NO_MATCHING_KEY' });
    await expect(accepts(after, await rideToken(next, switchedAt), switchedAt + 60)).resolves.toBeDefined();
    expect(JSON.parse(after).keys.map((key: JWK) => key.kid)).toEqual(['2026-12']);
  });

  it('refuses the edits that would break the API', async () => {
    const { kid: _kid, ...withoutKid } = next.publicJwk;
    expect(() => publishKey(before, withoutKid)).toThrow(/kid/);
    expect(() => publishKey(before, { ...old.publicJwk })).toThrow(/already published/);
    const privateJwk = { ...(await exportJWK(next.privateKey)), kid: '2026-12' };
    expect(() => publishKey(before, privateJwk)).toThrow(/private key/);
    expect(() => withdrawKey(before, 'unknown')).toThrow(/No key/);
    expect(() => withdrawKey(before, '2026-06')).toThrow(/only key/);
  });

  it('signs with the new key only once every authorizer instance has read the new set', async () => {
    const ssm = mockClient(SSMClient);
    const saved = { ...process.env };
    delete process.env.TOKEN_PUBLIC_KEYS;
    process.env.TOKEN_KEYS_PARAMETER = '/rate-the-ride-13/dev/token-public-keys';
    try {
      let published = before;
      ssm.on(GetParameterCommand).callsFake(() => ({ Parameter: { Value: published } }));
      let clock = 0;
      const instance = tokenKeysFromEnvironment(() => clock);
      await instance(); // a warm instance, which read the set before the new key was published
      published = publishKey(before, next.publicJwk);
      const newToken = await rideToken(next, switchedAt);
      clock = rotationWaits.beforeSigningWithNewKey * 1000 - 1;
      await expect(verifyToken(newToken, tokenKeysFrom(await instance()), at(switchedAt + 60))).rejects.toMatchObject({ reason: 'ERR_JWKS_NO_MATCHING_KEY' });
      clock = rotationWaits.beforeSigningWithNewKey * 1000;
      await expect(verifyToken(newToken, tokenKeysFrom(await instance()), at(switchedAt + 60))).resolves.toBeDefined();
    } finally {
      ssm.restore();
      process.env = saved;
    }
  });
});

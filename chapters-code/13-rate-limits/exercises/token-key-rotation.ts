// Exercise 1 of chapter 12, answered: rotating the key that signs tokens, by its `kid`, with no
// token refused along the way. The edits are to the key set in SSM that the authorizer reads
// (src/aws/ssm.ts); this file sits outside src/ so it is never deployed.
import type { JSONWebKeySet, JWK } from 'jose';
import { clockToleranceSeconds, maxTokenAgeSeconds } from '../src/auth/token-rules';
import { tokenKeysFrom } from '../src/auth/verify-token';
import { tokenKeysRefreshMs } from '../src/aws/ssm';

// #region key-rotation
/** Step 1: trust a new public key beside the ones already trusted. */
export function publishKey(keySet: string, key: JWK): string {
  const { keys } = readKeySet(keySet);
  if (!key.kid) throw new Error('A key needs a "kid": each token names the key that signed it');
  if ('d' in key) throw new Error('That is a private key: publish its public half only');
  if (keys.some((known) => known.kid === key.kid)) throw new Error(`A key with kid "${key.kid}" is already published`);
  return writeKeySet({ keys: [...keys, key] });
}

/** Step 3: stop trusting a key. Never the last one: with no key, every token would be refused. */
export function withdrawKey(keySet: string, kid: string): string {
  const { keys } = readKeySet(keySet);
  const remaining = keys.filter((key) => key.kid !== kid);
  if (remaining.length === keys.length) throw new Error(`No key with kid "${kid}" is published`);
  if (remaining.length === 0) throw new Error(`"${kid}" is the only key: publish its successor first`);
  return writeKeySet({ keys: remaining });
}

/** How long to wait, in seconds, before each of the steps that follow step 1. */
export const rotationWaits = {
  /** Step 2, the signer switches to the new key: once every authorizer instance has read the new set. */
  beforeSigningWithNewKey: tokenKeysRefreshMs / 1000,
  /** Step 3, after the switch: until the last token the old key signed can no longer be accepted. */
  beforeWithdrawingOldKey: maxTokenAgeSeconds + clockToleranceSeconds,
};
// #endregion key-rotation

/** The set as the authorizer will read it: anything it would refuse is refused here first. */
function readKeySet(json: string): JSONWebKeySet {
  tokenKeysFrom(json);
  return JSON.parse(json) as JSONWebKeySet;
}

function writeKeySet(set: JSONWebKeySet): string {
  const json = JSON.stringify(set);
  tokenKeysFrom(json);
  return json;
}

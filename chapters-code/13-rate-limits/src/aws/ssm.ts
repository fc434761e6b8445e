import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

// #region cursor-secret
/**
 * The key that signs cursors, as a function that reads it once and then remembers
 * it. Locally, `npm run dev` and the tests set CURSOR_SECRET to a fixed value. In
 * AWS it lives in SSM Parameter Store as a SecureString (see the README for the one
 * command that creates it), read on the first request that needs it and kept in
 * memory: never in an environment variable, where anyone who can read the
 * function's configuration could see it.
 */
export function cursorSecretFromEnvironment(): () => Promise<string> {
  const local = process.env.CURSOR_SECRET;
  if (local) return async () => local;
  const name = process.env.CURSOR_SECRET_PARAMETER;
  if (!name) throw new Error('Set CURSOR_SECRET, or CURSOR_SECRET_PARAMETER to an SSM parameter name');
  const ssm = new SSMClient({});
  let secret: Promise<string> | undefined;
  return () => {
    secret ??= readParameter(ssm, name).catch((error: unknown) => {
      secret = undefined; // try again on the next request rather than failing forever
      throw error;
    });
    return secret;
  };
}

async function readParameter(ssm: SSMClient, name: string): Promise<string> {
  const { Parameter } = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  if (!Parameter?.Value) throw new Error(`SSM parameter ${name} has no value`);
  return Parameter.Value;
}
// #endregion cursor-secret

// #region token-keys
/** How long a Lambda instance keeps the token keys before it reads them again. */
export const tokenKeysRefreshMs = 5 * 60_000;

/**
 * The public keys that verify tokens, as the text of a JSON Web Key Set. Locally,
 * `npm run dev` and the tests set TOKEN_PUBLIC_KEYS. In AWS they live in SSM Parameter
 * Store (a String: public keys are not secret), read on the first request and again every
 * five minutes, so that a key added for a rotation, or removed after a leak, takes effect
 * without a deployment. A failed read is retried on the next request.
 */
export function tokenKeysFromEnvironment(now: () => number = Date.now): () => Promise<string> {
  const local = process.env.TOKEN_PUBLIC_KEYS;
  if (local) return async () => local;
  const name = process.env.TOKEN_KEYS_PARAMETER;
  if (!name) throw new Error('Set TOKEN_PUBLIC_KEYS, or TOKEN_KEYS_PARAMETER to an SSM parameter name');
  const ssm = new SSMClient({});
  let cached: { value: Promise<string>; readAt: number } | undefined;
  return () => {
    if (!cached || now() - cached.readAt >= tokenKeysRefreshMs) {
      const value = readParameter(ssm, name);
      cached = { value, readAt: now() };
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
// #endregion token-keys

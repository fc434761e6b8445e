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

import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

let secret: Promise<string> | undefined;

// #region cursor-secret
/**
 * The key that signs cursors. Locally, `npm run dev` and the tests set
 * CURSOR_SECRET to a fixed value. In AWS it lives in SSM Parameter Store as a
 * SecureString (see the README for the one command that creates it), read once
 * per Lambda instance and kept in memory: never in an environment variable, where
 * anyone who can read the function's configuration could see it.
 */
export function cursorSecret(): Promise<string> {
  secret ??= loadSecret().catch((error: unknown) => {
    secret = undefined; // try again on the next request rather than failing forever
    throw error;
  });
  return secret;
}

async function loadSecret(): Promise<string> {
  if (process.env.CURSOR_SECRET) return process.env.CURSOR_SECRET;
  const name = process.env.CURSOR_SECRET_PARAMETER;
  if (!name) throw new Error('Set CURSOR_SECRET, or CURSOR_SECRET_PARAMETER to an SSM parameter name');
  const { Parameter } = await new SSMClient({}).send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  if (!Parameter?.Value) throw new Error(`SSM parameter ${name} has no value`);
  return Parameter.Value;
}
// #endregion cursor-secret

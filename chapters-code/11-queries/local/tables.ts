import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';

const run = promisify(execFile);

type TableProperties = CreateTableCommandInput & Record<string, unknown>;

// #region read-tables
/**
 * The tables declared in serverless.yml's `resources`, with every variable
 * resolved by the Serverless CLI itself. serverless.yml stays the only place
 * a table is defined: the same definition creates it in AWS and here.
 */
export async function tablesFromServerlessYml(serverlessCli: string): Promise<TableProperties[]> {
  const { stdout } = await run(process.execPath, [serverlessCli, 'print', '--format', 'json'], {
    maxBuffer: 10 * 1024 * 1024,
  });
  const config = JSON.parse(stdout.slice(stdout.indexOf('{')));
  const resources: Record<string, { Type: string; Properties: TableProperties }> =
    config.resources?.Resources ?? {};
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::DynamoDB::Table')
    .map((resource) => resource.Properties);
}
// #endregion read-tables

/** The part of a CloudFormation table definition that CreateTable understands. */
function toCreateTableInput(table: TableProperties): CreateTableCommandInput {
  const { TableName, KeySchema, AttributeDefinitions, BillingMode, ProvisionedThroughput } = table;
  const { GlobalSecondaryIndexes, LocalSecondaryIndexes } = table;
  return {
    TableName,
    KeySchema,
    AttributeDefinitions,
    BillingMode,
    ProvisionedThroughput,
    GlobalSecondaryIndexes,
    LocalSecondaryIndexes,
  };
}

/** Creates each table that does not exist yet. */
export async function createTables(client: DynamoDBClient, tables: TableProperties[]): Promise<string[]> {
  const names: string[] = [];
  for (const table of tables) {
    try {
      await client.send(new CreateTableCommand(toCreateTableInput(table)));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    names.push(String(table.TableName));
  }
  return names;
}

/**
 * A recording proxy in front of DynamoDB Local: the chapter's own code sends its requests here, as
 * it would to DynamoDB, and the proxy asks DynamoDB for the consumed capacity of each one
 * (ReturnConsumedCapacity: INDEXES, chapter 9's method) and writes it down, without changing what
 * the code receives. Nothing in the chapter changes to be measured.
 *
 * DynamoDB Local reports capacity correctly for single-item requests, but not for multi-item
 * transactions (chapter 9: 2 units where AWS bills 6). So a TransactWriteItems is measured item by
 * item: each item's before and after images are replayed as one plain PutItem on a probe table
 * with the same keys and indexes, DynamoDB Local reports that write's units, and the table's units
 * are doubled, as AWS bills a transactional write twice (as of December 2026). Index writes are
 * not doubled.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
  type ConsumedCapacity,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';

export interface RecordedRequest {
  operation: string;
  readUnits: number;
  writeUnits: number;
  /** For a transaction: how its write units were found. */
  note?: string;
}

const reads = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const writes = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
const probeSuffix = '-cost-probe';

type Item = Record<string, AttributeValue>;

const sum = (entries: ConsumedCapacity[] | ConsumedCapacity | undefined): number =>
  (Array.isArray(entries) ? entries : entries ? [entries] : []).reduce((total, entry) => total + (entry.CapacityUnits ?? 0), 0);

export interface CapacityProxy {
  endpoint: string;
  /** Everything recorded since the last take(), and starts afresh. */
  take(): RecordedRequest[];
  close(): Promise<void>;
}

export async function startCapacityProxy(databaseEndpoint: string): Promise<CapacityProxy> {
  const client = new DynamoDBClient({ endpoint: databaseEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const tables = new Map<string, Promise<TableDescription>>();
  let recorded: RecordedRequest[] = [];
  const failures: Error[] = [];

  /** The table's description, and a probe table like it, made once. */
  const describe = (name: string) => {
    let table = tables.get(name);
    if (!table) {
      table = (async () => {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
        await client.send(
          new CreateTableCommand({
            TableName: `${name}${probeSuffix}`,
            BillingMode: 'PAY_PER_REQUEST',
            KeySchema: Table!.KeySchema,
            AttributeDefinitions: Table!.AttributeDefinitions,
            GlobalSecondaryIndexes: Table!.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection })),
          }),
        );
        return Table!;
      })();
      tables.set(name, table);
    }
    return table;
  };

  const keyOf = (table: TableDescription, item: Item): Item =>
    Object.fromEntries(table.KeySchema!.map(({ AttributeName }) => [AttributeName!, item[AttributeName!]!]));

  const image = async (tableName: string, key: Item) =>
    (await client.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  interface TransactionEntry {
    tableName: string;
    key: Item;
    before?: Item;
  }

  /** Before a transaction: the key and current image of each item it writes. */
  async function beforeTransaction(request: { TransactItems: Array<Record<string, any>> }): Promise<TransactionEntry[]> {
    const entries: TransactionEntry[] = [];
    for (const action of request.TransactItems) {
      const [kind, body] = Object.entries(action)[0]!;
      if (kind === 'ConditionCheck') throw new Error('a ConditionCheck in a transaction is not measured yet');
      const table = await describe(body.TableName);
      const key = kind === 'Put' ? keyOf(table, body.Item) : body.Key;
      entries.push({ tableName: body.TableName, key, before: await image(body.TableName, key) });
    }
    return entries;
  }

  /** After it: each item's write replayed on the probe table, as a plain write. */
  async function transactionUnits(entries: TransactionEntry[]): Promise<number> {
    let units = 0;
    for (const { tableName, key, before } of entries) {
      const after = await image(tableName, key);
      const probe = `${tableName}${probeSuffix}`;
      if (before) await client.send(new PutItemCommand({ TableName: probe, Item: before }));
      if (!after) throw new Error('a Delete in a transaction is not measured yet');
      const { ConsumedCapacity } = await client.send(new PutItemCommand({ TableName: probe, Item: after, ReturnConsumedCapacity: 'INDEXES' }));
      const indexUnits = Object.values(ConsumedCapacity?.GlobalSecondaryIndexes ?? {}).reduce((total, index) => total + (index.CapacityUnits ?? 0), 0);
      units += 2 * (ConsumedCapacity?.Table?.CapacityUnits ?? Number.NaN) + indexUnits;
    }
    return units;
  }

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        const measured = reads.has(operation) || writes.has(operation);
        if (measured) body.ReturnConsumedCapacity = 'INDEXES';
        const transaction = operation === 'TransactWriteItems' ? await beforeTransaction(body) : undefined;
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name)),
        ) as Record<string, string>;
        const answer = await fetch(databaseEndpoint, { method: 'POST', headers, body: JSON.stringify(body) });
        const text = await answer.text();
        if (measured && answer.ok) {
          const { ConsumedCapacity } = JSON.parse(text) as { ConsumedCapacity?: ConsumedCapacity[] | ConsumedCapacity };
          const units = sum(ConsumedCapacity);
          if (transaction) {
            recorded.push({ operation, readUnits: 0, writeUnits: await transactionUnits(transaction), note: `DynamoDB Local reported ${units}` });
          } else {
            recorded.push({ operation, readUnits: reads.has(operation) ? units : 0, writeUnits: writes.has(operation) ? units : 0 });
          }
        }
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.0' });
        response.end(text);
      } catch (error) {
        failures.push(error as Error);
        response.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    take() {
      if (failures.length > 0) throw new Error(`the capacity proxy failed: ${failures.map(String).join('; ')}`);
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

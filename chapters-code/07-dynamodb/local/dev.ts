/**
 * `npm run dev`: the API on http://localhost:$PORT (default 3000), served by
 * serverless-offline, over a local DynamoDB that holds the tables of serverless.yml.
 * Ctrl-C (SIGINT) or SIGTERM stops both, Java included.
 */
import type { ChildProcess } from 'node:child_process';
import { localClient, startDynamoDbLocal, waitUntilAnswering } from './dynamodb-local';
import { freePorts, isPortTaken, portFromEnvironment, startChild, stopChildren } from './processes';
import { createTables, tablesFromServerlessYml } from './tables';

const children: ChildProcess[] = [];
let stopping = false;

async function main(): Promise<void> {
  const port = portFromEnvironment();
  if (await isPortTaken(port)) {
    throw new Error(`Port ${port} is already in use. Stop what uses it, or run PORT=3001 npm run dev.`);
  }
  const [dynamoDbPort, lambdaPort, websocketPort] = await freePorts(
    ['DynamoDB Local', 'Lambda invoke', 'WebSocket'],
    [port],
  );
  const serverlessCli = require.resolve('serverless/bin/serverless.js');
  const dynamoDbEndpoint = `http://127.0.0.1:${dynamoDbPort}`;

  // #region start-database
  const java = startDynamoDbLocal(dynamoDbPort);
  children.push(java);
  const [tables] = await Promise.all([
    tablesFromServerlessYml(serverlessCli),
    waitUntilAnswering(localClient(dynamoDbEndpoint), java),
  ]);
  const tableNames = await createTables(localClient(dynamoDbEndpoint), tables);
  console.log(`DynamoDB Local at ${dynamoDbEndpoint} with tables: ${tableNames.join(', ')}`);
  // #endregion start-database

  // #region start-api
  await new Promise<void>((resolve, reject) => {
    const offline = startChild(
      'offline',
      process.execPath,
      [
        serverlessCli, 'offline', 'start',
        '--httpPort', String(port),
        '--lambdaPort', String(lambdaPort),
        '--websocketPort', String(websocketPort),
      ],
      {
        // serverless-offline hands AWS_* variables to the handlers: the SDK sends DynamoDB
        // calls to the local endpoint, signed with placeholder credentials.
        env: {
          ...process.env,
          AWS_ENDPOINT_URL_DYNAMODB: dynamoDbEndpoint,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
        },
        onLine: (line) => line.includes('Server ready') && resolve(),
      },
    );
    children.push(offline);
    offline.once('exit', (code) => {
      if (!stopping) reject(new Error(`serverless-offline stopped unexpectedly (exit code ${code}).`));
    });
  });
  // #endregion start-api

  console.log(`\nDriver Ratings API ready at http://localhost:${port}\n`);
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stopChildren(children);
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// npm does not pass SIGTERM on to the script it runs; when npm goes, this process is
// handed to another parent, and that is our cue to stop too.
const parentAtStart = process.ppid;
setInterval(() => process.ppid !== parentAtStart && void shutdown(0), 500).unref();
// If this script dies of an unexpected error, take the children down with it.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

main().catch((error: unknown) => {
  console.error(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});

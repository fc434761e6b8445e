/**
 * `npm run dev`: serves the API on http://localhost:$PORT (default 3000) with
 * serverless-offline, which runs the same handlers API Gateway and Lambda would.
 * Ctrl-C (SIGINT) or SIGTERM stops it.
 */
import type { ChildProcess } from 'node:child_process';
import { freePorts, isPortTaken, portFromEnvironment, startChild, stopChildren } from './processes';

const children: ChildProcess[] = [];
let stopping = false;

async function main(): Promise<void> {
  const port = portFromEnvironment();
  if (await isPortTaken(port)) {
    throw new Error(`Port ${port} is already in use. Stop what uses it, or run PORT=3001 npm run dev.`);
  }
  // serverless-offline also opens a Lambda port and a WebSocket port; any free ones will do.
  const [lambdaPort, websocketPort] = await freePorts(['Lambda invoke', 'WebSocket'], [port]);
  const serverlessCli = require.resolve('serverless/bin/serverless.js');

  // #region start-offline
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
      { onLine: (line) => line.includes('Server ready') && resolve() },
    );
    children.push(offline);
    offline.once('exit', (code) => {
      if (!stopping) {
        reject(new Error(`serverless-offline stopped unexpectedly (exit code ${code}).`));
      }
    });
  });

  console.log(`\nDriver Ratings API ready at http://localhost:${port}\n`);
  // #endregion start-offline
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

/**
 * `npm run dev`: the Driver Ratings API on http://localhost:$PORT (default 3000), over a
 * local DynamoDB, until Ctrl-C. local/stack.ts does the work; the tests start it too.
 */
import { isPortTaken } from './ports';
import { startLocalStack, stopStacksOnSignals } from './stack';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, not "${process.env.PORT}".`);
  }
  if (await isPortTaken(port)) {
    throw new Error(`Port ${port} is already in use. Stop what uses it, or run PORT=3001 npm run dev.`);
  }
  const stack = await startLocalStack(port, console.log);
  // #region print-keys
  // In AWS, AWS makes up each key's value and `serverless info` prints it; here they are made from
  // the keys' names in serverless.yml, the same on every run.
  for (const { partner, plan, value } of stack.partnerKeys) console.log(`API key for ${partner} (${plan}): ${value}`);
  // #endregion print-keys
  console.log(`\nDriver Ratings API ready at ${stack.url}\n`);
}

// Ctrl-C is how you stop it, not a failure: exit code 0.
stopStacksOnSignals(0);
// npm does not pass SIGTERM on to the script it runs; when npm goes, this process is
// handed to another parent, and that is our cue to stop too.
const parentAtStart = process.ppid;
setInterval(() => process.ppid !== parentAtStart && process.kill(process.pid, 'SIGTERM'), 500).unref();

main().catch((error: unknown) => {
  console.error(`npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

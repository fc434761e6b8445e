/**
 * `npm run dev` for a function with no HTTP interface: runs the handler on every
 * sample event in events/ and prints what it returns. Node's --watch runs it again
 * whenever you save a source file; Ctrl-C stops it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handler } from '../src/handlers/summarise-stars';

const eventsFolder = join(__dirname, '..', 'events');

async function main(): Promise<void> {
  for (const file of readdirSync(eventsFolder).filter((name) => name.endsWith('.json')).sort()) {
    const event = JSON.parse(readFileSync(join(eventsFolder, file), 'utf8'));
    console.log(`events/${file} -> ${JSON.stringify(await handler(event))}`);
  }
  console.log('Watching src/ for changes (Ctrl-C to stop).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Runs the real Serverless CLI: it bundles the handler with esbuild and invokes it
// in a local Node process, exactly as `npm run invoke` does for a reader.
async function invokeLocally(eventFile: string): Promise<unknown> {
  const { stdout } = await run(
    'npx',
    ['serverless', 'invoke', 'local', '--function', 'summariseStars', '--path', eventFile],
    { cwd: `${__dirname}/../..`, env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' } },
  );
  // The CLI may print notices before the result; the result is the last JSON document.
  return JSON.parse(stdout.slice(stdout.indexOf('{')));
}

describe('serverless invoke local', () => {
  it('returns the summary of the sample event', async () => {
    await expect(invokeLocally('events/three-rides.json')).resolves.toEqual({
      count: 3,
      average: 4.67,
    });
  });

  it('returns an error for invalid stars', async () => {
    await expect(invokeLocally('events/bad-stars.json')).resolves.toEqual({
      error: 'stars must be a list of whole numbers from 1 to 5',
    });
  });
});

/**
 * Jest's global setup for the suites that talk HTTP: the stack of `npm run dev`, started by
 * the same code (local/stack.ts) on a free port, its URL shared through API_URL. Given API_URL,
 * it starts nothing and the tests run against that URL. For the integration suite it also
 * starts, alongside, the stack whose database one test stops on purpose (OUTAGE_API_URL).
 */
import { freePorts } from '../../local/ports';
import { type RunningStack, startLocalStack, stopStacksOnSignals } from '../../local/stack';

export type { RunningStack };

declare global {
  // Handed from setup to teardown, which Jest runs in the same process.
  var localStacks: RunningStack[] | undefined;
}

/** A stack on a free port, quiet unless it fails to start. */
export async function startStack(): Promise<RunningStack> {
  const [port] = await freePorts(['API']);
  const output: string[] = [];
  try {
    return await startLocalStack(port, (line) => output.push(line));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- the stack's output ---\n${output.slice(-50).join('\n')}`);
  }
}

/** Jest passes each project's config to its global setup; its name says which suite runs. */
type ProjectConfig = { displayName?: string | { name?: string } };

export default async function startLocalStacks(_globalConfig: unknown, project: ProjectConfig = {}): Promise<void> {
  // Interrupted, Jest runs no teardown: the stacks are stopped on the signal instead.
  stopStacksOnSignals();
  const suite = typeof project.displayName === 'string' ? project.displayName : project.displayName?.name;
  const [shared, outage] = await Promise.allSettled([
    process.env.API_URL ? undefined : startStack(),
    suite === 'integration' && !process.env.OUTAGE_API_URL ? startStack() : undefined,
  ]);
  globalThis.localStacks ??= [];
  if (shared.status === 'fulfilled' && shared.value) {
    globalThis.localStacks.push(shared.value);
    process.env.API_URL = shared.value.url;
    // The partners' keys, for the tests that call as a partner (test/support/credentials.ts).
    const keyOf = (partner: string) => shared.value!.partnerKeys.find((key) => key.partner === partner)?.value;
    process.env.API_KEY = keyOf('insurer');
    process.env.OTHER_API_KEY = keyOf('fleet');
    process.env.SANDBOX_API_KEY = keyOf('acceptance');
  }
  if (outage.status === 'fulfilled' && outage.value) {
    globalThis.localStacks.push(outage.value);
    process.env.OUTAGE_API_URL = outage.value.url;
    process.env.OUTAGE_DATABASE_PID = String(outage.value.databasePid);
  }
  const failure = [shared, outage].find((result) => result.status === 'rejected');
  if (failure) {
    await stopLocalStacks();
    throw failure.reason;
  }
}

/** Jest's global teardown (test/support/stop-local-stack.ts), after passing or failing tests. */
export async function stopLocalStacks(): Promise<void> {
  await Promise.all((globalThis.localStacks ?? []).map((stack) => stack.stop()));
}

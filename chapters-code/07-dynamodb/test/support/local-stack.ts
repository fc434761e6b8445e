/**
 * Jest's global setup for the integration tests: the stack of `npm run dev`, started by the
 * same code (local/stack.ts) on a free port, its URL shared through API_URL. Given API_URL,
 * it starts nothing and the tests run against that URL.
 */
import { freePorts } from '../../local/ports';
import { type RunningStack, startLocalStack, stopStacksOnSignals } from '../../local/stack';

declare global {
  // Handed from setup to teardown, which Jest runs in the same process.
  var localStack: RunningStack | undefined;
}

export default async function startStack(): Promise<void> {
  if (process.env.API_URL) return;
  // Interrupted, Jest runs no teardown: the stack is stopped on the signal instead.
  stopStacksOnSignals();
  const [port] = await freePorts(['API']);
  const output: string[] = [];
  try {
    globalThis.localStack = await startLocalStack(port, (line) => output.push(line));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- the stack's output ---\n${output.slice(-50).join('\n')}`);
  }
  process.env.API_URL = globalThis.localStack.url;
}

/** Jest's global teardown (test/support/stop-local-stack.ts), after passing or failing tests. */
export async function stopLocalStacks(): Promise<void> {
  await globalThis.localStack?.stop();
}

import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root, wherever a script or test is run from. */
export const repoRoot = resolve(__dirname, '../..');

/** The code chapters: folders of chapters-code/ named NN-slug, in chapter order. */
export function codeChapters(root = repoRoot): string[] {
  const folder = join(root, 'chapters-code');
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d\d-[a-z0-9-]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The environment of a child process that must never reach AWS with real credentials. */
export function environmentWithoutAwsCredentials(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE|DEFAULT_PROFILE)$/.test(name)) delete env[name];
  }
  return { ...env, AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_CONFIG_FILE: '/dev/null', ...extra };
}

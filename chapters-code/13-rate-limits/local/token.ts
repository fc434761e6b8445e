/**
 * `npm run token`: prints a token signed with the development key (local/dev-keys.ts).
 *
 *   npm run token -- ride --driver <driverId> --ride <rideId> [--rider <id>] [--count <n>] [--ttl 15m] [--expired]
 *   npm run token -- staff [--staff <id>] [--ttl 15m] [--expired]
 *   npm run token -- jwks        the public key set, for a deployed stage's SSM parameter
 *
 * Add -s after `npm run` to print the token alone: TOKEN=$(npm run -s token -- staff).
 */
import { parseArgs } from 'node:util';
import { maxTokenAgeSeconds } from '../src/auth/token-rules';
import { driversWriteScope } from '../src/domain/callers';
import { driverIdSchema, rideIdSchema } from '../src/domain/schemas';
import { publicKeySet, signToken } from './dev-keys';

const usage = `Usage:
  npm run token -- ride --driver <driverId> --ride <rideId> [--rider <id>] [--count <n>] [--ttl 15m] [--expired]
  npm run token -- staff [--staff <id>] [--ttl 15m] [--expired]
  npm run token -- jwks
Prints a token signed with this chapter's development key (.local-keys/), or its public key set.
--count prints n ride tokens of one rider, one a line, for the rides <rideId>-1 to <rideId>-n (n up to 100).
--ttl is the token's lifetime: 90s, 15m or 1h; at most ${maxTokenAgeSeconds / 60}m, as the API accepts no older token.
--expired makes a token that expired five minutes ago, to see the API refuse it.`;

class UsageError extends Error {}

/** "90s", "15m", "1h" as seconds. */
function seconds(text: string): number {
  const match = /^(\d{1,5})(s|m|h)$/.exec(text);
  if (!match) throw new UsageError(`--ttl must be a number and a unit (s, m or h), such as 15m, not "${text}".`);
  const value = Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
  if (value < 1 || value > maxTokenAgeSeconds) throw new UsageError(`--ttl must be from 1s to ${maxTokenAgeSeconds / 60}m.`);
  return value;
}

function id(value: string | undefined, option: string, schema: typeof driverIdSchema): string {
  if (value === undefined) throw new UsageError(`${option} is required.`);
  if (!schema.safeParse(value).success) throw new UsageError(`${option} must be 1 to 64 letters, digits, "_" or "-", not "${value}".`);
  return value;
}

async function main(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      driver: { type: 'string' },
      ride: { type: 'string' },
      rider: { type: 'string', default: 'rider-1' },
      count: { type: 'string' },
      staff: { type: 'string', default: 'staff-1' },
      ttl: { type: 'string', default: '15m' },
      expired: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return usage;
  const [kind, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  const lifetimeSeconds = seconds(values.ttl);
  // Expired: issued long enough ago that it ran out five minutes ago, past any clock tolerance.
  const issuedAt = values.expired ? new Date(Date.now() - (lifetimeSeconds + 300) * 1000) : new Date();
  switch (kind) {
    case 'ride': {
      const [ride, driver] = [id(values.ride, '--ride', rideIdSchema), id(values.driver, '--driver', driverIdSchema)];
      if (values.count === undefined) return signToken({ sub: values.rider, ride, driver }, { lifetimeSeconds, issuedAt });
      if (!/^\d{1,3}$/.test(values.count) || Number(values.count) < 1 || Number(values.count) > 100) {
        throw new UsageError(`--count must be a whole number from 1 to 100, not "${values.count}".`);
      }
      const rides = Array.from({ length: Number(values.count) }, (_, i) => id(`${ride}-${i + 1}`, '--ride with its number', rideIdSchema));
      const tokens = await Promise.all(rides.map((each) => signToken({ sub: values.rider, ride: each, driver }, { lifetimeSeconds, issuedAt })));
      return tokens.join('\n');
    }
    case 'staff':
      return signToken({ sub: values.staff, scope: driversWriteScope }, { lifetimeSeconds, issuedAt });
    case 'jwks':
      return publicKeySet();
    default:
      throw new UsageError(kind === undefined ? 'Say which token: ride, staff or jwks.' : `Unknown kind "${kind}": ride, staff or jwks.`);
  }
}

main(process.argv.slice(2)).then(
  (output) => console.log(output),
  (error: unknown) => {
    const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(known ? `${(error as Error).message}\n\n${usage}` : `npm run token failed: ${String(error)}`);
    process.exit(known ? 2 : 1);
  },
);

/**
 * Credentials for the tests that call the API over HTTP: partners' API keys, and tokens
 * signed with the development key (local/dev-keys.ts). The local stack's setup sets API_KEY
 * (the pro partner's key), OTHER_API_KEY (the free one's) and SANDBOX_API_KEY (the key in the
 * sandbox tier, whose small quota the limit tests use up); against a deployed stage, set them
 * yourself (`serverless info` prints the keys), and make the stage trust the development key
 * (README, Deploy), or give STAFF_TOKEN for the routes that need staff.
 */
import { signToken } from '../../local/dev-keys';
import { driversWriteScope } from '../../src/domain/callers';

export function partnerKey(variable: 'API_KEY' | 'OTHER_API_KEY' | 'SANDBOX_API_KEY' = 'API_KEY'): string {
  const key = process.env[variable];
  if (!key) throw new Error(`${variable} is not set: give a partner key of the stage under test (\`npx serverless info\` prints them).`);
  return key;
}

export const asPartner = (key = partnerKey()): Record<string, string> => ({ 'x-api-key': key });

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/**
 * A ride token for this ride with this driver, valid for 15 minutes unless said otherwise. Each
 * ride has a rider of its own unless one is given: a rider may rate only so many rides a day
 * (chapter 13), and the tests rate far more rides than that.
 */
export async function rideToken(driverId: string, rideId: string, options: { rider?: string; lifetimeSeconds?: number; issuedAt?: Date } = {}): Promise<string> {
  const { rider = `rider-of-${rideId}`, lifetimeSeconds = 900, issuedAt } = options;
  return signToken({ sub: rider, ride: rideId, driver: driverId }, { lifetimeSeconds, issuedAt });
}

export async function staffToken(options: { lifetimeSeconds?: number; issuedAt?: Date } = {}): Promise<string> {
  if (process.env.STAFF_TOKEN && options.issuedAt === undefined) return process.env.STAFF_TOKEN;
  return signToken({ sub: 'staff-test', scope: driversWriteScope }, { lifetimeSeconds: options.lifetimeSeconds ?? 900, issuedAt: options.issuedAt });
}

export const asRider = async (driverId: string, rideId: string) => bearer(await rideToken(driverId, rideId));
export const asStaff = async () => bearer(await staffToken());

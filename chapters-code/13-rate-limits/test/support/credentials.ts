/**
 * Credentials for the tests that call the API over HTTP: a partner's API key, and tokens
 * signed with the development key (local/dev-keys.ts). The local stack's setup sets API_KEY
 * and OTHER_API_KEY to two partners' keys; against a deployed stage, set API_KEY yourself (a
 * key `serverless info` prints), and make the stage trust the development key (README, Deploy),
 * or give STAFF_TOKEN for the routes that need staff.
 */
import { signToken } from '../../local/dev-keys';
import { driversWriteScope } from '../../src/domain/callers';

export function partnerKey(): string {
  const key = process.env.API_KEY;
  if (!key) throw new Error('API_KEY is not set: give a partner key of the stage under test (`npx serverless info` prints them).');
  return key;
}

export const asPartner = (key = partnerKey()): Record<string, string> => ({ 'x-api-key': key });

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** A ride token for this ride with this driver, valid for 15 minutes unless said otherwise. */
export async function rideToken(driverId: string, rideId: string, options: { rider?: string; lifetimeSeconds?: number; issuedAt?: Date } = {}): Promise<string> {
  const { rider = 'rider-test', lifetimeSeconds = 900, issuedAt } = options;
  return signToken({ sub: rider, ride: rideId, driver: driverId }, { lifetimeSeconds, issuedAt });
}

export async function staffToken(options: { lifetimeSeconds?: number; issuedAt?: Date } = {}): Promise<string> {
  if (process.env.STAFF_TOKEN && options.issuedAt === undefined) return process.env.STAFF_TOKEN;
  return signToken({ sub: 'staff-test', scope: driversWriteScope }, { lifetimeSeconds: options.lifetimeSeconds ?? 900, issuedAt: options.issuedAt });
}

export const asRider = async (driverId: string, rideId: string) => bearer(await rideToken(driverId, rideId));
export const asStaff = async () => bearer(await staffToken());

/** The dated price table of book/prices/, as the cost estimate reads it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../lib/repo';

export interface Price {
  what: string;
  usd: number;
  per: number;
  unit: string;
  source: string;
  checked: { how: 'search' | 'knowledge'; on?: string; seen?: string; note?: string };
  freeTier?: string;
}

export interface PriceTable {
  region: string;
  /** The month the prices were read: `2026-12`. */
  read: string;
  currency: string;
  prices: Record<string, Price>;
  /** Resource types that cost nothing by themselves, each with why. */
  free: Record<string, string>;
  assumptions: {
    lambdaBilledMsPerInvocation: { value: number; why: string };
    deploymentsKeptInBucket: { value: number; why: string };
  };
}

/** The table the book's figures come from. */
export const currentPriceTable = join(repoRoot, 'book/prices/us-east-1-2026-12.json');

export function readPriceTable(file = currentPriceTable): PriceTable {
  return JSON.parse(readFileSync(file, 'utf8')) as PriceTable;
}

/** USD for `quantity` of a price's unit; throws for a price the table does not hold. */
export function costOf(table: PriceTable, id: string, quantity: number): number {
  const price = table.prices[id];
  if (!price) throw new Error(`the price table ${table.region} ${table.read} has no price "${id}"`);
  return (price.usd / price.per) * quantity;
}

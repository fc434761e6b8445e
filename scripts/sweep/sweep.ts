/**
 * `tsx scripts/sweep/sweep.ts --regions us-east-1,eu-west-1 [--delete]`: lists what the book's
 * services left in your AWS account (chapter 18), and with --delete, deletes it. Without --delete
 * nothing is changed: run it first, read the list, then run it again with the flag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { listOption, parseCli, type CliSpec } from '../lib/cli';
import { codeChapters, repoRoot } from '../lib/repo';
import { clientsFor, findBuckets, findInRegion, type Leftover, type RegionClients } from './lib/leftovers';
import { removeLeftovers, type Outcome } from './lib/remove';

/** The `service:` of every chapter's serverless.yml: rate-the-ride-05, … */
export function bookServices(root = repoRoot): string[] {
  return codeChapters(root).map((chapter) => {
    const yml = readFileSync(join(root, 'chapters-code', chapter, 'serverless.yml'), 'utf8');
    const service = /^service:\s*(\S+)\s*$/m.exec(yml)?.[1];
    if (!service) throw new Error(`chapters-code/${chapter}/serverless.yml names no service`);
    return service;
  });
}

export interface SweepOptions {
  regions: string[];
  services: string[];
  remove: boolean;
  clientsOf?: (region: string) => RegionClients;
  /** S3 lists buckets from any region; deleting one goes to its own region. */
  s3For?: (region: string) => S3Client;
  print?: (line: string) => void;
}

export interface SweepResult {
  leftovers: Leftover[];
  outcomes: Outcome[];
}

export async function sweep(options: SweepOptions): Promise<SweepResult> {
  const clients = new Map<string, RegionClients>();
  const clientsOf = options.clientsOf ?? ((region: string) => clients.get(region) ?? clients.set(region, clientsFor(region)).get(region)!);
  const s3For = options.s3For ?? ((region: string) => new S3Client({ region }));
  const print = options.print ?? ((line: string) => console.log(line));

  const leftovers: Leftover[] = [];
  for (const region of options.regions) leftovers.push(...(await findInRegion(region, options.services, clientsOf(region))));
  leftovers.push(...(await findBuckets(options.regions, options.services, s3For(options.regions[0]!))));

  if (leftovers.length === 0) {
    print(`Nothing of ${options.services.length} services in ${options.regions.join(', ')}.`);
    return { leftovers, outcomes: [] };
  }
  for (const leftover of leftovers) {
    print(`${leftover.region}\t${leftover.kind}\t${leftover.id}\t${leftover.deletable ? '' : '(listed only) '}${leftover.why}`);
  }
  const deletable = leftovers.filter((leftover) => leftover.deletable).length;
  if (!options.remove) {
    print(`Found ${leftovers.length}, ${deletable} deletable. Nothing was deleted: run again with --delete to delete them.`);
    return { leftovers, outcomes: [] };
  }
  const outcomes = await removeLeftovers(leftovers, clientsOf, s3For);
  for (const outcome of outcomes) print(`${outcome.leftover.kind}\t${outcome.leftover.id}\t${outcome.message}`);
  const done = outcomes.filter((outcome) => outcome.done).length;
  print(`Deleted ${done} of ${leftovers.length}. Stacks delete in the background: run the sweep again in a few minutes to see what is left.`);
  return { leftovers, outcomes };
}

const spec: CliSpec = {
  command: 'tsx scripts/sweep/sweep.ts',
  summary:
    "Lists what the book's services left in an AWS account: stacks named after them, resources tagged by their stacks, log groups, SSM parameters, tables and backups, deployment buckets. Deletes them only with --delete.",
  options: {
    regions: { type: 'string', multiple: true, value: '<a,b>', description: 'the regions to look in (required)' },
    services: { type: 'string', multiple: true, value: '<a,b>', description: "service names (default: every chapter's serverless.yml service)" },
    delete: { type: 'boolean', description: 'delete what is found (default: list only)' },
  },
  footer: 'Uses your usual AWS credentials (AWS_PROFILE etc.). Needs read access to list, and delete permissions with --delete.',
};

async function main(): Promise<number> {
  const values = parseCli(spec);
  const regions = listOption(spec, values, 'regions');
  if (!regions || regions.length === 0) {
    console.error('--regions is required: name every region you deployed to, such as --regions us-east-1,eu-west-1');
    return 2;
  }
  const services = listOption(spec, values, 'services') ?? bookServices();
  const { outcomes } = await sweep({ regions, services, remove: values.delete === true });
  return outcomes.some((outcome) => !outcome.done && outcome.leftover.deletable) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

/** Deletes what leftovers.ts found, one kind after another, and says what it did. */
import { DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DeleteBackupCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteParameterCommand } from '@aws-sdk/client-ssm';
import type { Leftover, RegionClients } from './leftovers';

export interface Outcome {
  leftover: Leftover;
  done: boolean;
  message: string;
}

/** Empties a bucket, every version and delete marker (the deployment bucket may be versioned), then deletes it. */
async function deleteBucket(s3: S3Client, bucket: string): Promise<void> {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }));
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map(({ Key, VersionId }) => ({ Key: Key!, VersionId }));
    if (objects.length > 0) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
    if (!page.IsTruncated) break;
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
}

/** Stacks first: deleting one removes most of the rest; what it retains is deleted after. */
const order: Leftover['kind'][] = ['stack', 'log-group', 'parameter', 'backup', 'table', 'bucket', 'tagged'];

export async function removeLeftovers(leftovers: Leftover[], clientsOf: (region: string) => RegionClients, s3ForRegion: (region: string) => S3Client): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const sorted = [...leftovers].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const leftover of sorted) {
    if (!leftover.deletable) {
      outcomes.push({ leftover, done: false, message: 'left alone: delete it by hand if it is yours' });
      continue;
    }
    const clients = clientsOf(leftover.region);
    try {
      switch (leftover.kind) {
        case 'stack':
          await clients.cloudFormation.send(new DeleteStackCommand({ StackName: leftover.id }));
          break;
        case 'log-group':
          await clients.logs.send(new DeleteLogGroupCommand({ logGroupName: leftover.id }));
          break;
        case 'parameter':
          await clients.ssm.send(new DeleteParameterCommand({ Name: leftover.id }));
          break;
        case 'backup':
          await clients.dynamoDb.send(new DeleteBackupCommand({ BackupArn: leftover.id }));
          break;
        case 'table':
          await clients.dynamoDb.send(new DeleteTableCommand({ TableName: leftover.id }));
          break;
        case 'bucket':
          await deleteBucket(s3ForRegion(leftover.region), leftover.id);
          break;
        default:
          throw new Error(`cannot delete a ${leftover.kind}`);
      }
      outcomes.push({ leftover, done: true, message: leftover.kind === 'stack' ? 'deletion started' : 'deleted' });
    } catch (error) {
      // A table with deletion protection, a stack that fails: say so and go on with the rest.
      outcomes.push({ leftover, done: false, message: `not deleted: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return outcomes;
}

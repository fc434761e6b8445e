/**
 * What the book's services leave in an AWS account, found region by region: stacks named after a
 * service, resources carrying CloudFormation's `aws:cloudformation:stack-name` tag for such a
 * stack, Lambda and API Gateway log groups, SSM parameters under a service's prefix, tables and
 * their backups, and the deployment buckets. Only reads; remove.ts deletes.
 */
import { CloudFormationClient, paginateListStacks, type StackStatus } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, paginateListTables, ListBackupsCommand } from '@aws-sdk/client-dynamodb';
import { ResourceGroupsTaggingAPIClient, paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import { GetBucketLocationCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { SSMClient, paginateDescribeParameters } from '@aws-sdk/client-ssm';

export type LeftoverKind = 'stack' | 'log-group' | 'parameter' | 'table' | 'backup' | 'bucket' | 'tagged';

export interface Leftover {
  region: string;
  kind: LeftoverKind;
  /** The name or ARN that deletes it. */
  id: string;
  /** Why it counts as the book's. */
  why: string;
  /** False for what the sweep lists but never deletes (delete it by hand). */
  deletable: boolean;
}

export interface RegionClients {
  cloudFormation: CloudFormationClient;
  logs: CloudWatchLogsClient;
  dynamoDb: DynamoDBClient;
  tagging: ResourceGroupsTaggingAPIClient;
  ssm: SSMClient;
}

export function clientsFor(region: string): RegionClients {
  return {
    cloudFormation: new CloudFormationClient({ region }),
    logs: new CloudWatchLogsClient({ region }),
    dynamoDb: new DynamoDBClient({ region }),
    tagging: new ResourceGroupsTaggingAPIClient({ region }),
    ssm: new SSMClient({ region }),
  };
}

/** Every status but DELETE_COMPLETE: a stack that failed to delete is a leftover too. */
const liveStatuses: StackStatus[] = [
  'CREATE_IN_PROGRESS', 'CREATE_FAILED', 'CREATE_COMPLETE', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_FAILED', 'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_COMPLETE',
  'UPDATE_FAILED', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_FAILED', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE', 'REVIEW_IN_PROGRESS', 'IMPORT_IN_PROGRESS', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_IN_PROGRESS',
  'IMPORT_ROLLBACK_FAILED', 'IMPORT_ROLLBACK_COMPLETE',
];

/** A stack `<service>-<stage>` of one of the services, or undefined. */
export function serviceOfStack(stack: string, services: string[]): string | undefined {
  return services.find((service) => stack.startsWith(`${service}-`) && stack.length > service.length + 1);
}

const apiIdInArn = (arn: string) => /:apigateway:[^:]*::\/restapis\/([^/]+)$/.exec(arn)?.[1];

/** What one region holds of the services. */
export async function findInRegion(region: string, services: string[], clients: RegionClients): Promise<Leftover[]> {
  const found: Leftover[] = [];
  const ours = (name: string) => serviceOfStack(name, services) !== undefined;

  for await (const page of paginateListStacks({ client: clients.cloudFormation }, { StackStatusFilter: liveStatuses })) {
    for (const stack of page.StackSummaries ?? []) {
      if (stack.StackName && ours(stack.StackName)) {
        found.push({ region, kind: 'stack', id: stack.StackName, why: `stack of service ${serviceOfStack(stack.StackName, services)} (${stack.StackStatus})`, deletable: true });
      }
    }
  }

  // What CloudFormation tagged for the services' stacks, whether or not the stack still exists:
  // a retained table outlives its stack and keeps the tag.
  const apiIds = new Set<string>();
  for await (const page of paginateGetResources({ client: clients.tagging }, { TagFilters: [{ Key: 'aws:cloudformation:stack-name' }] })) {
    for (const resource of page.ResourceTagMappingList ?? []) {
      const stack = resource.Tags?.find((tag) => tag.Key === 'aws:cloudformation:stack-name')?.Value;
      if (!resource.ResourceARN || !stack || !ours(stack)) continue;
      const apiId = apiIdInArn(resource.ResourceARN);
      if (apiId) apiIds.add(apiId);
      // Deleting a stack that still exists deletes what it holds; only what outlived its stack is listed.
      if (found.some((leftover) => leftover.kind === 'stack' && leftover.id === stack)) continue;
      found.push({ region, kind: 'tagged', id: resource.ResourceARN, why: `tagged by stack ${stack}, which is gone: delete it by hand if you no longer need it`, deletable: false });
    }
  }

  const logPrefixes = services.flatMap((service) => [`/aws/lambda/${service}-`, `/aws/api-gateway/${service}-`]);
  for (const prefix of [...logPrefixes, 'API-Gateway-Execution-Logs_']) {
    for await (const page of paginateDescribeLogGroups({ client: clients.logs }, { logGroupNamePrefix: prefix })) {
      for (const group of page.logGroups ?? []) {
        const name = group.logGroupName!;
        if (prefix !== 'API-Gateway-Execution-Logs_') {
          found.push({ region, kind: 'log-group', id: name, why: `log group under ${prefix}`, deletable: true });
          continue;
        }
        // API Gateway creates these itself, outside any stack, named after the API's id.
        const apiId = /^API-Gateway-Execution-Logs_([^/]+)\//.exec(name)?.[1];
        const known = apiId !== undefined && apiIds.has(apiId);
        found.push({
          region,
          kind: 'log-group',
          id: name,
          why: known ? `execution logs of the services' REST API ${apiId}` : `execution logs of REST API ${apiId}, which no tag ties to the services: check it, delete by hand`,
          deletable: known,
        });
      }
    }
  }

  for (const service of services) {
    const filters = [{ Key: 'Name', Option: 'BeginsWith', Values: [`/${service}/`] }];
    for await (const page of paginateDescribeParameters({ client: clients.ssm }, { ParameterFilters: filters })) {
      for (const parameter of page.Parameters ?? []) {
        found.push({ region, kind: 'parameter', id: parameter.Name!, why: `parameter under /${service}/`, deletable: true });
      }
    }
  }

  const tables: string[] = [];
  for await (const page of paginateListTables({ client: clients.dynamoDb }, {})) {
    for (const table of page.TableNames ?? []) {
      if (!ours(table)) continue;
      tables.push(table);
      found.push({ region, kind: 'table', id: table, why: `table named after service ${serviceOfStack(table, services)}`, deletable: true });
    }
  }
  // Backups outlive their table; list them all and keep those of the services' tables.
  let start: string | undefined;
  do {
    const page = await clients.dynamoDb.send(new ListBackupsCommand({ ExclusiveStartBackupArn: start }));
    for (const backup of page.BackupSummaries ?? []) {
      if (backup.TableName && ours(backup.TableName) && backup.BackupType === 'USER') {
        found.push({ region, kind: 'backup', id: backup.BackupArn!, why: `backup of table ${backup.TableName}`, deletable: true });
      }
    }
    start = page.LastEvaluatedBackupArn;
  } while (start);

  return dedupe(found);
}

/** A tagged resource that another kind already lists (a table, a log group) is listed once. */
function dedupe(found: Leftover[]): Leftover[] {
  const named = found.filter((leftover) => leftover.kind !== 'tagged').map((leftover) => leftover.id);
  return found.filter((leftover) => leftover.kind !== 'tagged' || !named.some((id) => leftover.id.endsWith(`/${id}`) || leftover.id.endsWith(`:${id}`) || leftover.id.endsWith(`:log-group:${id}`)));
}

/**
 * The deployment buckets: S3 lists buckets account-wide, so this runs once. osls names a bucket
 * after its stack and the logical id, lower-cased: `<service>-<stage>-serverlessdeploymentbucket-…`.
 */
export async function findBuckets(regions: string[], services: string[], s3: S3Client): Promise<Leftover[]> {
  const found: Leftover[] = [];
  const { Buckets } = await s3.send(new ListBucketsCommand({}));
  for (const bucket of Buckets ?? []) {
    const name = bucket.Name!;
    const service = services.find((candidate) => name.startsWith(`${candidate.toLowerCase()}-`) && name.includes('-serverlessdeploymentbucket-'));
    if (!service) continue;
    const { LocationConstraint } = await s3.send(new GetBucketLocationCommand({ Bucket: name }));
    // us-east-1 answers with no location.
    const region = LocationConstraint || 'us-east-1';
    if (regions.includes(region)) found.push({ region, kind: 'bucket', id: name, why: `deployment bucket of service ${service}`, deletable: true });
  }
  return found;
}

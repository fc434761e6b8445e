/**
 * The sweep against recorded AWS answers (fixtures/account.json), with every client mocked:
 * no AWS and no network. It lists by default and deletes only with the flag.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { CloudFormationClient, DeleteStackCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DeleteLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DeleteBackupCommand, DeleteTableCommand, DynamoDBClient, ListBackupsCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { DeleteBucketCommand, DeleteObjectsCommand, GetBucketLocationCommand, ListBucketsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteParameterCommand, DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { serviceOfStack } from '../../scripts/sweep/lib/leftovers';
import { bookServices, sweep } from '../../scripts/sweep/sweep';

const answers = JSON.parse(readFileSync(join(__dirname, 'fixtures/account.json'), 'utf8'));
const services = ['rate-the-ride-11', 'rate-the-ride-12'];
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

const cloudFormation = mockClient(CloudFormationClient);
const logs = mockClient(CloudWatchLogsClient);
const dynamoDb = mockClient(DynamoDBClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
const ssm = mockClient(SSMClient);
const s3 = mockClient(S3Client);
const mocks = [cloudFormation, logs, dynamoDb, tagging, ssm, s3];

function recordedAccount() {
  for (const mock of mocks) mock.reset();
  cloudFormation.on(ListStacksCommand).resolves(answers.ListStacks);
  tagging.on(GetResourcesCommand).resolves(answers.GetResources);
  logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
  for (const [prefix, answer] of Object.entries(answers.DescribeLogGroups)) logs.on(DescribeLogGroupsCommand, { logGroupNamePrefix: prefix }).resolves(answer as object);
  ssm.on(DescribeParametersCommand).resolves({ Parameters: [] });
  for (const [prefix, answer] of Object.entries(answers.DescribeParameters)) {
    ssm.on(DescribeParametersCommand, { ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: [prefix] }] }).resolves(answer as object);
  }
  dynamoDb.on(ListTablesCommand).resolves(answers.ListTables);
  dynamoDb.on(ListBackupsCommand).resolves(answers.ListBackups);
  s3.on(ListBucketsCommand).resolves(answers.ListBuckets);
  for (const [bucket, answer] of Object.entries(answers.GetBucketLocation)) s3.on(GetBucketLocationCommand, { Bucket: bucket }).resolves(answer as object);
  for (const [bucket, answer] of Object.entries(answers.ListObjectVersions)) s3.on(ListObjectVersionsCommand, { Bucket: bucket }).resolves(answer as object);
}

const clientsOf = (region: string) => ({
  cloudFormation: new CloudFormationClient({ region, credentials }),
  logs: new CloudWatchLogsClient({ region, credentials }),
  dynamoDb: new DynamoDBClient({ region, credentials }),
  tagging: new ResourceGroupsTaggingAPIClient({ region, credentials }),
  ssm: new SSMClient({ region, credentials }),
});
const s3For = (region: string) => new S3Client({ region, credentials });

const deletions = () => [
  ...cloudFormation.commandCalls(DeleteStackCommand),
  ...logs.commandCalls(DeleteLogGroupCommand),
  ...dynamoDb.commandCalls(DeleteTableCommand),
  ...dynamoDb.commandCalls(DeleteBackupCommand),
  ...ssm.commandCalls(DeleteParameterCommand),
  ...s3.commandCalls(DeleteObjectsCommand),
  ...s3.commandCalls(DeleteBucketCommand),
];

describe('sweep', () => {
  beforeEach(recordedAccount);

  it("lists the services' leftovers and nothing of other projects, and deletes nothing without the flag", async () => {
    const lines: string[] = [];
    const { leftovers, outcomes } = await sweep({ regions: ['us-east-1'], services, remove: false, clientsOf, s3For, print: (line) => lines.push(line) });
    const ids = leftovers.map((leftover) => `${leftover.kind} ${leftover.id}${leftover.deletable ? '' : ' (listed only)'}`);
    assert.deepEqual(ids, [
      'stack rate-the-ride-11-test',
      'stack rate-the-ride-12-prod',
      'tagged arn:aws:s3:::rate-the-ride-12-dev-exports (listed only)',
      'log-group /aws/lambda/rate-the-ride-11-test-getDriver',
      'log-group /aws/lambda/rate-the-ride-12-dev-authorizer',
      'log-group API-Gateway-Execution-Logs_a1b2c3d4e5/test',
      'log-group API-Gateway-Execution-Logs_zz9yy8xx7w/prod (listed only)',
      'parameter /rate-the-ride-12/dev/cursor-secret',
      'parameter /rate-the-ride-12/dev/token-public-keys',
      'table rate-the-ride-11-test-ratings',
      'table rate-the-ride-12-prod-ratings',
      'backup arn:aws:dynamodb:us-east-1:111122223333:table/rate-the-ride-12-prod-ratings/backup/01767000000000-abcdef12',
      'bucket rate-the-ride-12-dev-serverlessdeploymentbucket-1a2b3c4d5e6f',
    ]);
    assert.deepEqual(outcomes, []);
    assert.equal(deletions().length, 0);
    assert.match(lines.at(-1)!, /^Found 13, 11 deletable\. Nothing was deleted: run again with --delete/);
  });

  it('deletes with the flag: stacks first, a bucket emptied before it goes, and never what it only lists', async () => {
    dynamoDb.on(DeleteTableCommand, { TableName: 'rate-the-ride-12-prod-ratings' }).rejects(new Error('Resource cannot be deleted as it is currently protected against deletion'));
    const lines: string[] = [];
    const { outcomes } = await sweep({ regions: ['us-east-1'], services, remove: true, clientsOf, s3For, print: (line) => lines.push(line) });

    assert.deepEqual(cloudFormation.commandCalls(DeleteStackCommand).map((call) => call.args[0].input.StackName), ['rate-the-ride-11-test', 'rate-the-ride-12-prod']);
    assert.deepEqual(logs.commandCalls(DeleteLogGroupCommand).map((call) => call.args[0].input.logGroupName), [
      '/aws/lambda/rate-the-ride-11-test-getDriver',
      '/aws/lambda/rate-the-ride-12-dev-authorizer',
      'API-Gateway-Execution-Logs_a1b2c3d4e5/test',
    ]);
    assert.deepEqual(ssm.commandCalls(DeleteParameterCommand).map((call) => call.args[0].input.Name), ['/rate-the-ride-12/dev/cursor-secret', '/rate-the-ride-12/dev/token-public-keys']);
    assert.equal(dynamoDb.commandCalls(DeleteBackupCommand).length, 1);
    assert.deepEqual(dynamoDb.commandCalls(DeleteTableCommand).map((call) => call.args[0].input.TableName), ['rate-the-ride-11-test-ratings', 'rate-the-ride-12-prod-ratings']);
    const [emptied] = s3.commandCalls(DeleteObjectsCommand);
    assert.equal(emptied!.args[0].input.Delete!.Objects!.length, 2);
    assert.deepEqual(s3.commandCalls(DeleteBucketCommand).map((call) => call.args[0].input.Bucket), ['rate-the-ride-12-dev-serverlessdeploymentbucket-1a2b3c4d5e6f']);

    // The stacks went first; the protected table is reported, not thrown, and the rest goes on.
    assert.equal(outcomes[0]!.leftover.kind, 'stack');
    const table = outcomes.find((outcome) => outcome.leftover.id === 'rate-the-ride-12-prod-ratings')!;
    assert.equal(table.done, false);
    assert.match(table.message, /protected against deletion/);
    assert.ok(outcomes.filter((outcome) => !outcome.leftover.deletable).every((outcome) => !outcome.done));
    assert.match(lines.at(-1)!, /^Deleted 10 of 13\./);
  });

  it('says so when a region holds nothing of the services', async () => {
    logs.on(DescribeLogGroupsCommand, { logGroupNamePrefix: 'API-Gateway-Execution-Logs_' }).resolves({ logGroups: [] });
    const lines: string[] = [];
    const { leftovers } = await sweep({ regions: ['us-east-1'], services: ['rate-the-ride-99'], remove: true, clientsOf, s3For, print: (line) => lines.push(line) });
    assert.deepEqual(leftovers, []);
    assert.equal(deletions().length, 0);
    assert.deepEqual(lines, ['Nothing of 1 services in us-east-1.']);
  });
});

describe('serviceOfStack', () => {
  it('takes <service>-<stage> of a service, and nothing that only starts alike', () => {
    assert.equal(serviceOfStack('rate-the-ride-12-dev', services), 'rate-the-ride-12');
    assert.equal(serviceOfStack('rate-the-ride-12-pr-41', services), 'rate-the-ride-12');
    assert.equal(serviceOfStack('rate-the-ride-120-dev', services), undefined);
    assert.equal(serviceOfStack('rate-the-ride-12', services), undefined);
  });

  it("knows every chapter's service", () => {
    assert.ok(bookServices().includes('rate-the-ride-12'));
  });
});

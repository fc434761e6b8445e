/**
 * The deploy user's policy (book/policies/deployer-policy.json, chapter 4) against what the
 * chapters really deploy. Packages every chapter with the real Serverless CLI, without AWS
 * credentials (scripts/lib/packaged-chapters.ts: once per `npm test`, shared with the
 * CloudFormation test), and fails when
 *   - a template holds a resource type this file has no entry for (add the actions CloudFormation
 *     needs to create, update and delete it, here and in the policy);
 *   - an action that CloudFormation or the CLI needs for a resource is not granted on that
 *     resource's real ARN (a name outside the `rate-the-ride-` prefix fails here too);
 *   - the policy has a wildcard beyond AWS's documented exceptions.
 * When cfn-lint is installed, the actions are also checked against its copy of AWS's Service
 * Authorization Reference: each must exist, and `Resource: "*"` only for actions that have no
 * resource type.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { iamStatements } from '../../scripts/lib/cloudformation';
import { packagedChapter, type PackagedChapter } from '../../scripts/lib/packaged-chapters';
import { codeChapters, repoRoot } from '../../scripts/lib/repo';

const policyFile = join(repoRoot, 'book/policies/deployer-policy.json');
const region = 'us-east-1';
const account = '123456789012';

interface PolicyStatement {
  Sid?: string;
  Effect: string;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: string | string[];
  NotResource?: unknown;
}
const policy = JSON.parse(readFileSync(policyFile, 'utf8')) as { Statement: PolicyStatement[] };
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** IAM's wildcards: `*` any run of characters (slashes included), `?` one character. */
const globMatches = (pattern: string, value: string): boolean =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(value);

function allows(action: string, arn: string): boolean {
  return policy.Statement.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      list(statement.Action).some((granted) => granted.toLowerCase() === action.toLowerCase()) &&
      list(statement.Resource).some((pattern) => globMatches(pattern, arn)),
  );
}

// ---------------------------------------------------------------------------------------------
// What a deployment does, as IAM actions on ARNs.

/** A chapter's update-stack template, and the stack it deploys to. */
type Deployed = Pick<PackagedChapter, 'template' | 'stack'>;

/** A name CloudFormation generates when a template gives none: stack, logical id, random suffix. */
const generatedName = (stack: string, logicalId: string) => `${stack}-${logicalId}-a1b2c3d4e5f6`.toLowerCase();

/** The property that names a resource of each type, where the template may set one. */
const NAME_PROPERTIES: Record<string, string> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::DynamoDB::Table': 'TableName',
};

/** The name a resource gets in AWS: the one the template sets, or the one CloudFormation generates. */
function nameOf(deployed: Deployed, logicalId: string): string {
  const resource = deployed.template.Resources[logicalId];
  assert.ok(resource, `no resource ${logicalId}`);
  const property = NAME_PROPERTIES[resource.Type];
  const name = property === undefined ? undefined : resource.Properties?.[property];
  return name === undefined ? generatedName(deployed.stack, logicalId) : resolve(name, deployed);
}

/** Resolves the few intrinsic functions the generated templates use in names and ARNs. */
function resolve(value: unknown, deployed: Deployed): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if (typeof node.Ref === 'string') {
    const pseudo: Record<string, string> = { 'AWS::Region': region, 'AWS::Partition': 'aws', 'AWS::AccountId': account, 'AWS::StackName': deployed.stack };
    return pseudo[node.Ref] ?? nameOf(deployed, node.Ref);
  }
  if (Array.isArray(node['Fn::GetAtt'])) return nameOf(deployed, String(node['Fn::GetAtt'][0]));
  if (Array.isArray(node['Fn::Join'])) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => resolve(part, deployed)).join(separator);
  }
  if (typeof node['Fn::Sub'] === 'string') {
    return (node['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => resolve({ Ref: name }, deployed));
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)}`);
}

const property = (deployed: Deployed, logicalId: string, name: string): unknown => deployed.template.Resources[logicalId]!.Properties?.[name];

const restApi = `arn:aws:apigateway:${region}::/restapis/a1b2c3d4e5`;
const functionArn = (name: string) => `arn:aws:lambda:${region}:${account}:function:${name}`;
const tagsOf = (arn: string) => `arn:aws:apigateway:${region}::/tags/${encodeURIComponent(arn)}`;
const apiKey = `arn:aws:apigateway:${region}::/apikeys/k1l2m3n4o5`;
const usagePlan = `arn:aws:apigateway:${region}::/usageplans/p6q7r8`;

interface Need {
  /** The IAM actions CloudFormation's handlers call to create, read, update, delete and tag the type. */
  actions: string[];
  /** Other actions on other ARNs that the type needs (passing a role, reading the code). */
  also?: (deployed: Deployed, logicalId: string) => Array<[string, string]>;
  arns: (deployed: Deployed, logicalId: string) => string[];
}

/**
 * Every resource type the chapters deploy. From the handlers' permissions in the CloudFormation
 * resource schemas, narrowed to the properties the templates set, and the stack's STAGE tag,
 * which CloudFormation copies onto every resource that takes tags (as of December 2026).
 */
const NEEDS: Record<string, Need> = {
  'AWS::S3::Bucket': {
    actions: ['s3:CreateBucket', 's3:PutEncryptionConfiguration', 's3:GetEncryptionConfiguration', 's3:PutBucketTagging', 's3:GetBucketTagging', 's3:ListBucket', 's3:DeleteBucket'],
    arns: (deployed, id) => [`arn:aws:s3:::${nameOf(deployed, id)}`],
  },
  'AWS::S3::BucketPolicy': {
    actions: ['s3:PutBucketPolicy', 's3:GetBucketPolicy', 's3:DeleteBucketPolicy'],
    arns: (deployed, id) => [`arn:aws:s3:::${resolve(property(deployed, id, 'Bucket'), deployed)}`],
  },
  'AWS::IAM::Role': {
    actions: ['iam:CreateRole', 'iam:GetRole', 'iam:PutRolePolicy', 'iam:GetRolePolicy', 'iam:DeleteRolePolicy', 'iam:ListRolePolicies', 'iam:ListAttachedRolePolicies', 'iam:UpdateAssumeRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:DeleteRole'],
    arns: (deployed, id) => [`arn:aws:iam::${account}:role/${nameOf(deployed, id)}`],
  },
  'AWS::Lambda::Function': {
    actions: ['lambda:CreateFunction', 'lambda:GetFunction', 'lambda:GetFunctionConfiguration', 'lambda:GetFunctionCodeSigningConfig', 'lambda:GetFunctionRecursionConfig', 'lambda:GetRuntimeManagementConfig', 'lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration', 'lambda:TagResource', 'lambda:UntagResource', 'lambda:ListTags', 'lambda:DeleteFunction'],
    arns: (deployed, id) => [functionArn(nameOf(deployed, id))],
    also: (deployed, id) => {
      const code = property(deployed, id, 'Code') as { S3Bucket: unknown; S3Key: string };
      return [
        ['iam:PassRole', `arn:aws:iam::${account}:role/${resolve(property(deployed, id, 'Role'), deployed).split('/').pop()}`],
        ['s3:GetObject', `arn:aws:s3:::${resolve(code.S3Bucket, deployed)}/${code.S3Key}`],
        // Chapter 13 reserves concurrency when given --param="ratingWriters=…", and a later
        // deployment without it takes the reservation away: both on every function it could name.
        ['lambda:PutFunctionConcurrency', functionArn(nameOf(deployed, id))],
        ['lambda:DeleteFunctionConcurrency', functionArn(nameOf(deployed, id))],
      ];
    },
  },
  'AWS::Lambda::Version': {
    actions: ['lambda:PublishVersion', 'lambda:GetFunctionConfiguration', 'lambda:ListVersionsByFunction'],
    arns: (deployed, id) => [functionArn(resolve(property(deployed, id, 'FunctionName'), deployed))],
  },
  'AWS::Lambda::Permission': {
    actions: ['lambda:AddPermission', 'lambda:GetPolicy', 'lambda:RemovePermission'],
    arns: (deployed, id) => [functionArn(resolve(property(deployed, id, 'FunctionName'), deployed))],
  },
  'AWS::Logs::LogGroup': {
    actions: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy', 'logs:DescribeLogGroups', 'logs:TagResource', 'logs:UntagResource', 'logs:ListTagsForResource', 'logs:DeleteLogGroup'],
    arns: (deployed, id) => [`arn:aws:logs:${region}:${account}:log-group:${nameOf(deployed, id)}`],
  },
  'AWS::ApiGateway::RestApi': {
    actions: ['apigateway:POST', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:PUT', 'apigateway:DELETE', 'apigateway:UpdateRestApiPolicy'],
    arns: () => [`arn:aws:apigateway:${region}::/restapis`, restApi],
    also: () => [['apigateway:PUT', tagsOf(restApi)], ['apigateway:DELETE', tagsOf(restApi)]],
  },
  'AWS::ApiGateway::Resource': {
    actions: ['apigateway:POST', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'],
    arns: () => [`${restApi}/resources`, `${restApi}/resources/abc123`],
  },
  'AWS::ApiGateway::Method': {
    actions: ['apigateway:PUT', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'],
    arns: () => [`${restApi}/resources/abc123/methods/GET`],
  },
  'AWS::ApiGateway::Deployment': {
    actions: ['apigateway:POST', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'],
    arns: () => [`${restApi}/deployments`, `${restApi}/deployments/def456`, `${restApi}/stages`, `${restApi}/stages/dev`],
  },
  'AWS::ApiGateway::GatewayResponse': {
    actions: ['apigateway:PUT', 'apigateway:GET', 'apigateway:DELETE'],
    arns: () => [`${restApi}/gatewayresponses/DEFAULT_4XX`],
  },
  // Chapter 12 on: the Lambda authorizer, the partners' API keys and the usage plans that hold them.
  // Keys and plans belong to the account and region, not to a REST API, and take the STAGE tag.
  'AWS::ApiGateway::Authorizer': {
    actions: ['apigateway:POST', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'],
    arns: () => [`${restApi}/authorizers`, `${restApi}/authorizers/ghi789`],
  },
  'AWS::ApiGateway::ApiKey': {
    actions: ['apigateway:POST', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'],
    arns: () => [`arn:aws:apigateway:${region}::/apikeys`, apiKey],
    also: () => [['apigateway:PUT', tagsOf(apiKey)], ['apigateway:DELETE', tagsOf(apiKey)]],
  },
  'AWS::ApiGateway::UsagePlan': {
    actions: ['apigateway:POST', 'apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE'],
    arns: () => [`arn:aws:apigateway:${region}::/usageplans`, usagePlan],
    also: () => [['apigateway:PUT', tagsOf(usagePlan)], ['apigateway:DELETE', tagsOf(usagePlan)]],
  },
  'AWS::ApiGateway::UsagePlanKey': {
    actions: ['apigateway:POST', 'apigateway:GET', 'apigateway:DELETE'],
    arns: () => [`${usagePlan}/keys`, `${usagePlan}/keys/k1l2m3n4o5`],
  },
  'AWS::DynamoDB::Table': {
    actions: ['dynamodb:CreateTable', 'dynamodb:DescribeTable', 'dynamodb:UpdateTable', 'dynamodb:DescribeContinuousBackups', 'dynamodb:UpdateContinuousBackups', 'dynamodb:DescribeTimeToLive', 'dynamodb:UpdateTimeToLive', 'dynamodb:DescribeContributorInsights', 'dynamodb:DescribeKinesisStreamingDestination', 'dynamodb:GetResourcePolicy', 'dynamodb:TagResource', 'dynamodb:UntagResource', 'dynamodb:ListTagsOfResource', 'dynamodb:DeleteTable'],
    arns: (deployed, id) => [`arn:aws:dynamodb:${region}:${account}:table/${nameOf(deployed, id)}`],
  },
};

/**
 * What the CLI itself calls, around CloudFormation (osls 4: deploy, info, logs, remove), and
 * what the book's `aws` commands do with the service's parameters (chapter 11 on).
 */
function cliNeeds(deployed: Deployed): Array<[string, string]> {
  const stackArn = `arn:aws:cloudformation:${region}:${account}:stack/${deployed.stack}/0f1e2d3c-0000-0000-0000-000000000000`;
  const stackActions = ['CreateStack', 'UpdateStack', 'DeleteStack', 'DescribeStacks', 'DescribeStackEvents', 'DescribeStackResource', 'DescribeStackResources', 'ListStackResources', 'GetTemplate', 'CreateChangeSet', 'DescribeChangeSet', 'ExecuteChangeSet', 'DeleteChangeSet'];
  const needs: Array<[string, string]> = [
    ...stackActions.map((action): [string, string] => [`cloudformation:${action}`, stackArn]),
    ['cloudformation:ValidateTemplate', '*'],
  ];
  for (const [id, resource] of Object.entries(deployed.template.Resources)) {
    if (resource.Type === 'AWS::S3::Bucket') {
      const bucket = `arn:aws:s3:::${nameOf(deployed, id)}`;
      // Upload the artifacts, compare them with the last deployment's, empty the bucket on remove.
      needs.push(['s3:ListBucket', bucket], ['s3:ListBucketVersions', bucket], ['s3:GetBucketLocation', bucket]);
      for (const action of ['s3:PutObject', 's3:GetObject', 's3:DeleteObject', 's3:DeleteObjectVersion']) needs.push([action, `${bucket}/serverless/x.zip`]);
    }
    if (resource.Type === 'AWS::Logs::LogGroup') {
      // `serverless logs`
      const group = `arn:aws:logs:${region}:${account}:log-group:${nameOf(deployed, id)}`;
      needs.push(['logs:DescribeLogStreams', group], ['logs:FilterLogEvents', group]);
    }
  }
  const types = new Set(Object.values(deployed.template.Resources).map((resource) => resource.Type));
  // `serverless deploy` and `info` read each key's value to print it; `remove` first takes the
  // stage out of each usage plan that holds it (lib/plugins/aws/info/get-api-key-values.js,
  // lib/plugins/aws/package/compile/events/api-gateway/lib/hack/disassociate-usage-plan.js).
  if (types.has('AWS::ApiGateway::ApiKey')) needs.push(['apigateway:GET', apiKey]);
  if (types.has('AWS::ApiGateway::UsagePlan')) needs.push(['apigateway:GET', `arn:aws:apigateway:${region}::/usageplans`], ['apigateway:PATCH', usagePlan]);
  // A parameter a function reads is one the reader puts and deletes with the AWS CLI.
  for (const statement of iamStatements(deployed.template)) {
    if (!list(statement.Action as string | string[]).includes('ssm:GetParameter')) continue;
    for (const arn of list(statement.Resource)) {
      const parameter = resolve(arn, deployed);
      for (const action of ['ssm:PutParameter', 'ssm:GetParameter', 'ssm:DeleteParameter']) needs.push([action, parameter]);
    }
  }
  return needs;
}

// ---------------------------------------------------------------------------------------------

for (const chapter of codeChapters()) {
  describe(`chapters-code/${chapter}: the deploy user's policy`, () => {
    const packaged = packagedChapter(chapter);

    it('grants every action its template and the CLI need, on the real names', async () => {
      const deployed = await packaged;
      const missing = new Set<string>();
      const unknownTypes = new Set<string>();
      for (const [id, resource] of Object.entries(deployed.template.Resources)) {
        const need = NEEDS[resource.Type];
        if (!need) {
          unknownTypes.add(resource.Type);
          continue;
        }
        for (const arn of need.arns(deployed, id)) {
          for (const action of need.actions) if (!allows(action, arn)) missing.add(`${action} on ${arn} (${id})`);
        }
        for (const [action, arn] of need.also?.(deployed, id) ?? []) if (!allows(action, arn)) missing.add(`${action} on ${arn} (${id})`);
      }
      for (const [action, arn] of cliNeeds(deployed)) if (!allows(action, arn)) missing.add(`${action} on ${arn}`);
      assert.deepEqual([...unknownTypes], [], 'resource types this test does not know: add what CloudFormation needs for each to NEEDS and to the policy');
      assert.deepEqual([...missing], [], `not granted by ${policyFile}`);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// No wildcard beyond AWS's documented exceptions.

/** Actions with no resource type in the Service Authorization Reference: they only take "*". */
const ONLY_STAR: Record<string, string> = {
  'cloudformation:ValidateTemplate': 'checks a template; names no stack',
  'logs:DescribeLogGroups': 'lists log groups; CloudFormation reads a log group back with it',
};

/**
 * API Gateway names REST APIs, API keys and usage plans by generated ids, never by the name you
 * give them, so these are as narrow as each can be scoped: those of the account, and their tags.
 */
const UNNAMED_RESOURCES = new Set([
  'arn:aws:apigateway:*::/restapis',
  'arn:aws:apigateway:*::/restapis/*',
  'arn:aws:apigateway:*::/tags/arn%3Aaws%3Aapigateway%3A*%3A%3A%2Frestapis%2F*',
  // API keys and usage plans (chapter 12 on), named by generated ids too.
  'arn:aws:apigateway:*::/apikeys',
  'arn:aws:apigateway:*::/apikeys/*',
  'arn:aws:apigateway:*::/usageplans',
  'arn:aws:apigateway:*::/usageplans/*',
  'arn:aws:apigateway:*::/tags/arn%3Aaws%3Aapigateway%3A*%3A%3A%2Fapikeys%2F*',
  'arn:aws:apigateway:*::/tags/arn%3Aaws%3Aapigateway%3A*%3A%3A%2Fusageplans%2F*',
]);

describe(`${policyFile.slice(repoRoot.length + 1)}: wildcards`, () => {
  it('has no NotAction, NotResource, Deny or wildcard action', () => {
    for (const statement of policy.Statement) {
      assert.equal(statement.Effect, 'Allow', `${statement.Sid}: only Allow statements`);
      assert.equal(statement.NotAction, undefined, `${statement.Sid}: NotAction`);
      assert.equal(statement.NotResource, undefined, `${statement.Sid}: NotResource`);
      for (const action of list(statement.Action)) assert.doesNotMatch(action, /[*?]/, `${statement.Sid}: ${action}`);
    }
  });

  it('says "*" only for actions without a resource type, and names every other resource by the book prefix', () => {
    for (const statement of policy.Statement) {
      for (const resource of list(statement.Resource)) {
        if (resource === '*') {
          for (const action of list(statement.Action)) assert.ok(ONLY_STAR[action], `${statement.Sid}: ${action} on "*"`);
        } else if (!UNNAMED_RESOURCES.has(resource)) {
          assert.match(resource, /^arn:aws:[a-z0-9-]+:(\*|[a-z0-9-]*):(\*|\d*):[^*?]*rate-the-ride-\*(\/\*)?$/, `${statement.Sid}: ${resource}`);
        }
      }
    }
  });

  const reference = serviceAuthorizationReference();
  it('uses only actions that exist, and "*" only where AWS documents no resource type', { skip: reference ? false : 'cfn-lint is not installed (pip install cfn-lint)' }, () => {
    const actions = reference!;
    for (const statement of policy.Statement) {
      for (const action of list(statement.Action)) {
        const [service, name] = action.split(':') as [string, string];
        const entry = actions[service]?.Actions[name.toLowerCase()];
        assert.ok(entry, `${action} is not an IAM action`);
        const resourceTypes = entry.Resources ?? [];
        if (list(statement.Resource).includes('*')) assert.deepEqual(resourceTypes, [], `${action} has resource types: name them instead of "*"`);
        else assert.notDeepEqual(resourceTypes, [], `${action} takes only "*"`);
      }
    }
  });
});

type Reference = Record<string, { Actions: Record<string, { Resources?: string[] }> }>;

/** cfn-lint's copy of the Service Authorization Reference (AdditionalSpecs/Policies.json), if installed. */
function serviceAuthorizationReference(): Reference | undefined {
  try {
    const folder = execFileSync('python3', ['-c', 'import cfnlint, os; print(os.path.dirname(cfnlint.__file__))'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const file = join(folder, 'data', 'AdditionalSpecs', 'Policies.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Reference) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the parts of a generated CloudFormation template that the repo's policy checks. */

export interface Template {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

export interface IamStatement {
  resource: string; // the logical id of the role or policy that holds it
  Effect: string;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
}

/**
 * Actions that AWS only authorises on every resource ("*"): the service has no
 * resource-level permissions for them. Each needs a reason; keep the list short.
 */
export const actionsThatOnlyAcceptStar: Record<string, string> = {
  'xray:PutTraceSegments': 'X-Ray has no resource-level permissions for sending trace data',
  'xray:PutTelemetryRecords': 'X-Ray has no resource-level permissions for sending telemetry',
  'cloudwatch:PutMetricData': 'scoped with a cloudwatch:namespace condition instead of a resource',
};

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every permission statement of every role and policy (trust policies are not permissions). */
export function iamStatements(template: Template): IamStatement[] {
  const statements: IamStatement[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const props = resource.Properties ?? {};
    const documents: unknown[] = [];
    if (resource.Type === 'AWS::IAM::Role') {
      for (const policy of asList(props.Policies)) documents.push((policy as { PolicyDocument: unknown }).PolicyDocument);
    } else if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') {
      documents.push(props.PolicyDocument);
    }
    for (const document of documents) {
      for (const statement of asList((document as { Statement?: unknown }).Statement)) {
        statements.push({ resource: logicalId, ...(statement as Omit<IamStatement, 'resource'>) });
      }
    }
  }
  return statements;
}

/** What is wrong with one statement under the least-privilege rule, if anything. */
export function leastPrivilegeProblems(statement: IamStatement): string[] {
  const problems: string[] = [];
  if (statement.NotAction !== undefined) problems.push('uses NotAction');
  if (statement.NotResource !== undefined) problems.push('uses NotResource');
  const actions = asList(statement.Action).map(String);
  for (const action of actions) {
    if (action.includes('*')) problems.push(`wildcard action "${action}"`);
  }
  for (const resource of asList(statement.Resource)) {
    if (resource !== '*') continue;
    const unexcused = actions.filter((action) => !(action in actionsThatOnlyAcceptStar));
    if (unexcused.length > 0) problems.push(`resource "*" for ${unexcused.join(', ')}`);
  }
  if (typeof statement.Resource === 'string' && /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(statement.Resource)) {
    problems.push(`resource "${statement.Resource}" covers a whole service`);
  }
  return problems;
}

export function resourcesOfType(template: Template, type: string) {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

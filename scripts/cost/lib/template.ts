/**
 * What the cost of a chapter depends on, read from its packaged CloudFormation template: the
 * functions and their settings, the routes of its REST API and which function serves each, the
 * log groups' retention, the tables' billing mode.
 */
import type { Template } from '../../lib/cloudformation';

type Properties = Record<string, any>;

export interface FunctionSettings {
  logicalId: string;
  /** The handler as serverless.yml names it: `src/handlers/create-driver.handler`. */
  handler: string;
  memoryMb: number;
  architecture: string;
  /** The retention of the function's log group, in days; undefined keeps logs forever. */
  logRetentionDays: number | undefined;
  environment: Record<string, string>;
}

export interface Route {
  /** `POST /drivers/{driverId}/ratings` */
  route: string;
  method: string;
  path: string;
  /** The function that answers it. */
  function: string;
  /** The Lambda authorizer's function that API Gateway calls first, if any. */
  authorizer?: string;
  apiKeyRequired: boolean;
}

const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type) as Array<[string, { Type: string; Properties: Properties }]>;

/** The logical id of the function a `Fn::Join` of an integration or authorizer URI points at. */
function functionInUri(uri: unknown): string | undefined {
  const text = JSON.stringify(uri ?? null);
  return /"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]/.exec(text)?.[1];
}

export function functionsOf(template: Template): Map<string, FunctionSettings> {
  const retention = new Map<string, number | undefined>();
  for (const [, group] of resourcesOf(template, 'AWS::Logs::LogGroup')) {
    retention.set(String(group.Properties.LogGroupName ?? ''), group.Properties.RetentionInDays);
  }
  const functions = new Map<string, FunctionSettings>();
  for (const [logicalId, { Properties: props }] of resourcesOf(template, 'AWS::Lambda::Function')) {
    const name = String(props.FunctionName ?? logicalId);
    functions.set(logicalId, {
      logicalId,
      handler: String(props.Handler),
      // CloudFormation's defaults when a template leaves them out.
      memoryMb: Number(props.MemorySize ?? 128),
      architecture: String(props.Architectures?.[0] ?? 'x86_64'),
      logRetentionDays: retention.get(`/aws/lambda/${name}`),
      environment: props.Environment?.Variables ?? {},
    });
  }
  return functions;
}

/** The full path of an API Gateway resource, from its chain of parents up to the API's root. */
function pathOf(template: Template, resourceRef: unknown): string {
  const parts: string[] = [];
  let ref = (resourceRef as { Ref?: string } | undefined)?.Ref;
  while (ref) {
    const resource = template.Resources[ref];
    if (!resource) throw new Error(`The template names an API resource ${ref} that it does not hold`);
    const props = resource.Properties as Properties;
    parts.unshift(String(props.PathPart));
    ref = props.ParentId?.Ref;
  }
  return `/${parts.join('/')}`;
}

/**
 * The routes a caller can reach, each with the function behind it. OPTIONS methods (CORS
 * preflights answered by the gateway itself) are left out: they are billed as API calls, but a
 * browser sends one per origin and route now and then, not one per request.
 */
export function routesOf(template: Template): Route[] {
  const routes: Route[] = [];
  for (const [logicalId, { Properties: props }] of resourcesOf(template, 'AWS::ApiGateway::Method')) {
    const method = String(props.HttpMethod);
    if (method === 'OPTIONS') continue;
    const fn = functionInUri(props.Integration?.Uri);
    if (!fn) throw new Error(`${logicalId} (${method}) is not a Lambda proxy integration: scripts/cost cannot price it yet`);
    const path = pathOf(template, props.ResourceId);
    const authorizerRef = props.AuthorizerId?.Ref as string | undefined;
    const authorizer = authorizerRef ? functionInUri((template.Resources[authorizerRef]?.Properties as Properties | undefined)?.AuthorizerUri) : undefined;
    routes.push({ route: `${method} ${path}`, method, path, function: fn, authorizer, apiKeyRequired: props.ApiKeyRequired === true });
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Each resource type in the template, with how many resources of it. */
export function resourceTypesOf(template: Template): Map<string, number> {
  const counts = new Map<string, number>();
  for (const resource of Object.values(template.Resources)) counts.set(resource.Type, (counts.get(resource.Type) ?? 0) + 1);
  return counts;
}

export const tablesOf = (template: Template) => resourcesOf(template, 'AWS::DynamoDB::Table');
export const ofType = resourcesOf;

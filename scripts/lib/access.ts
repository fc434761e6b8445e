/**
 * What the book promises about access from chapter 12 on, checked in a generated template:
 * partners read with an API key that is in a usage plan, riders and staff write through a
 * Lambda authorizer whose answers are cached, and every answer API Gateway makes itself is a
 * problem document that a browser page may read (CORS headers). Used by
 * test/package/cloudformation.test.ts; its own tests are test/package/access-rules.test.ts.
 */
import { iamStatements, resourcesOfType, type Template } from './cloudformation';

/** The gateway responses every chapter from 12 on defines, and the status each answers with. */
export const accessGatewayResponses: Record<string, number> = {
  MISSING_AUTHENTICATION_TOKEN: 404,
  INVALID_API_KEY: 403,
  UNAUTHORIZED: 401,
  ACCESS_DENIED: 403,
  AUTHORIZER_FAILURE: 503,
};

type Properties = Record<string, any>;
const refOf = (value: unknown): string | undefined => (value as { Ref?: string } | undefined)?.Ref;
export const fixedHeader = (parameters: Properties | undefined, name: string): string | undefined => {
  const entry = Object.entries(parameters ?? {}).find(([key]) => key.toLowerCase() === `gatewayresponse.header.${name.toLowerCase()}`);
  return entry ? /^'(.*)'$/.exec(String(entry[1]))?.[1] : undefined;
};

/** Every way the template breaks the access rules, as readable lines; none when it keeps them. */
export function accessProblems(template: Template): string[] {
  const problems: string[] = [];
  const resources = template.Resources;
  const methods = resourcesOfType(template, 'AWS::ApiGateway::Method').map(([id, method]) => [id, method.Properties ?? {}] as [string, Properties]);
  const authorizers = new Map(resourcesOfType(template, 'AWS::ApiGateway::Authorizer').map(([id, resource]) => [id, resource.Properties ?? {}]));

  // Partners read with a key; riders and staff write through the authorizer.
  for (const [id, method] of methods) {
    if (method.HttpMethod === 'GET' && method.ApiKeyRequired !== true) problems.push(`${id}: a read route that does not require an API key`);
    if (method.HttpMethod === 'POST') {
      const authorizer = authorizers.get(refOf(method.AuthorizerId) ?? '');
      if (method.AuthorizationType !== 'CUSTOM' || !authorizer) problems.push(`${id}: a write route without the Lambda authorizer`);
      else if (!(Number(authorizer.AuthorizerResultTtlInSeconds) > 0)) problems.push(`${id}: its authorizer caches nothing (TTL 0)`);
    }
  }
  if (authorizers.size === 0) problems.push('no Lambda authorizer');

  // Every key in a usage plan (a key in none is refused on every call), every plan key naming a real key.
  const keys = resourcesOfType(template, 'AWS::ApiGateway::ApiKey').map(([id]) => id);
  if (keys.length < 2) problems.push(`${keys.length} API key(s): the book gives each of at least two partners its own`);
  const planKeys = resourcesOfType(template, 'AWS::ApiGateway::UsagePlanKey').map(([id, resource]) => [id, resource.Properties ?? {}] as [string, Properties]);
  for (const key of keys) {
    if (!planKeys.some(([, planKey]) => refOf(planKey.KeyId) === key)) problems.push(`${key}: an API key in no usage plan`);
    if (resources[key]?.Properties?.Value !== undefined) problems.push(`${key}: a key value in the template (let AWS make it)`);
  }
  for (const [id, planKey] of planKeys) {
    if (resources[refOf(planKey.KeyId) ?? '']?.Type !== 'AWS::ApiGateway::ApiKey') problems.push(`${id}: names a key that is not in the template`);
    if (resources[refOf(planKey.UsagePlanId) ?? '']?.Type !== 'AWS::ApiGateway::UsagePlan') problems.push(`${id}: names a usage plan that is not in the template`);
  }

  // The authorizer's own role: no table at all.
  for (const [id, authorizer] of authorizers) {
    const uri = JSON.stringify(authorizer.AuthorizerUri ?? '');
    const fn = /"Fn::GetAtt":\["(\w+)LambdaFunction","Arn"\]/.exec(uri)?.[1];
    const role = fn ? refOf(resources[`${fn}LambdaFunction`]?.Properties?.Role) ?? (resources[`${fn}LambdaFunction`]?.Properties?.Role as any)?.['Fn::GetAtt']?.[0] : undefined;
    if (!role) problems.push(`${id}: cannot find its function's role`);
    const actions = iamStatements(template).filter((statement) => statement.resource === role).flatMap((statement) => [statement.Action ?? []].flat().map(String));
    for (const action of actions.filter((name) => name.startsWith('dynamodb:'))) problems.push(`${id}: its function may call ${action}`);
  }

  // Browsers: one allowed origin, never "*", the same on the preflights and on the gateway's answers.
  const origins = new Set<string>();
  for (const [id, method] of methods.filter(([, candidate]) => candidate.HttpMethod === 'OPTIONS')) {
    const origin = method.Integration?.IntegrationResponses?.[0]?.ResponseParameters?.['method.response.header.Access-Control-Allow-Origin'];
    const value = /^'(.*)'$/.exec(String(origin))?.[1];
    if (!value || value === '*') problems.push(`${id}: a preflight that allows ${value ?? 'no origin'}`);
    else origins.add(value);
  }
  const responses = gatewayResponses(template);
  for (const [type, status] of Object.entries({ ...accessGatewayResponses, DEFAULT_4XX: undefined, DEFAULT_5XX: undefined })) {
    problems.push(...gatewayResponseProblems(responses, type, status, origins));
  }
  if (!/^Bearer\b/.test(fixedHeader(responses.get('UNAUTHORIZED')?.ResponseParameters, 'WWW-Authenticate') ?? '')) problems.push('UNAUTHORIZED: no WWW-Authenticate: Bearer');
  if (!(Number(fixedHeader(responses.get('AUTHORIZER_FAILURE')?.ResponseParameters, 'Retry-After')) > 0)) problems.push('AUTHORIZER_FAILURE: no Retry-After');
  if (origins.size > 1) problems.push(`more than one allowed origin: ${[...origins].join(', ')}`);
  return problems;
}

/** The gateway responses of a template, by their type. */
export function gatewayResponses(template: Template): Map<string, Properties> {
  return new Map(resourcesOfType(template, 'AWS::ApiGateway::GatewayResponse').map(([, resource]) => [String(resource.Properties?.ResponseType), resource.Properties ?? {}]));
}

/**
 * What is wrong with the gateway response of `type`, among `responses` (gatewayResponses of a
 * template): it must be a problem document with this status (if given), served as
 * application/problem+json with one allowed origin (added to `origins`) and the headers a page
 * needs exposed.
 */
export function gatewayResponseProblems(responses: Map<string, Properties>, type: string, status: number | undefined, origins: Set<string>): string[] {
  const problems: string[] = [];
  const response = responses.get(type);
  if (!response) return [`${type}: no gateway response`];
  const parameters = response.ResponseParameters as Properties | undefined;
  if (fixedHeader(parameters, 'Content-Type') !== 'application/problem+json') problems.push(`${type}: not served as application/problem+json`);
  const origin = fixedHeader(parameters, 'Access-Control-Allow-Origin');
  if (!origin || origin === '*') problems.push(`${type}: Access-Control-Allow-Origin is ${origin ?? 'missing'}`);
  else origins.add(origin);
  const exposed = (fixedHeader(parameters, 'Access-Control-Expose-Headers') ?? '').toLowerCase();
  for (const header of ['www-authenticate', 'retry-after']) if (!exposed.includes(header)) problems.push(`${type}: does not expose ${header} to pages`);
  if (status !== undefined && Number(response.StatusCode) !== status) problems.push(`${type}: answers ${response.StatusCode ?? 'its default'}, not ${status}`);
  let body: Record<string, unknown> | undefined;
  try {
    body = JSON.parse(String(response.ResponseTemplates?.['application/json']).replaceAll('$context.error.messageString', '"message"'));
  } catch {
    problems.push(`${type}: its template is not JSON`);
  }
  if (body && !['type', 'title', 'detail'].every((field) => typeof body[field] === 'string')) problems.push(`${type}: not a problem document`);
  if (body && status !== undefined && body.status !== status) problems.push(`${type}: its body says status ${String(body.status)}`);
  return problems;
}

/**
 * What API Gateway checks before any function runs, for `npm run dev` and the tests: the API
 * key of a private route and its usage plan's limits, the Lambda authorizer of a guarded one
 * (with its cache), and the CORS preflight. serverless-offline 14 does these differently from
 * AWS (it ignores API keys grouped in usage plans and enforces no throttle or quota, calls the
 * authorizer for every request and with more fields than AWS sends, answers 401 whatever the
 * authorizer throws, and allows any web origin), so local/gateway.ts does them itself, from
 * the same serverless.yml, and runs serverless-offline with --noAuth.
 * Everything here is the book's stand-in for AWS, not AWS: the chapter says which is which.
 */
import { createHash } from 'node:crypto';
import { LocalUsagePlans, usagePlansOf, type ServiceWithPlans } from './usage-plans';

/** The parts of `serverless print` this file reads. */
export interface ServiceConfig {
  service: string;
  provider: {
    stage: string;
    region: string;
    apiGateway?: { apiKeys?: unknown[] } & ServiceWithPlans['provider']['apiGateway'];
  };
  functions?: Record<string, { name?: string; events?: Array<{ http?: HttpEvent }> }>;
  resources?: ServiceWithPlans['resources'];
}

interface HttpEvent {
  method: string;
  path: string;
  private?: boolean;
  authorizer?: string | { name: string; type?: string; identitySource?: string; identityValidationExpression?: string; resultTtlInSeconds?: number };
  cors?: { origin?: string; headers?: string[]; maxAge?: number; allowCredentials?: boolean };
}

export interface Authorizer {
  /** The deployed name of the authorizer function, as serverless-offline's Lambda API knows it. */
  functionName: string;
  /** The header API Gateway takes the token from (TOKEN authorizers read one header). */
  header: string;
  validation?: RegExp;
  ttlSeconds: number;
}

export interface Route {
  method: string;
  /** The path as declared, such as /drivers/{driverId}. */
  path: string;
  apiKeyRequired: boolean;
  authorizer?: Authorizer;
  cors?: { origin: string; headers: string[]; maxAge?: number; allowCredentials: boolean };
}

export interface PartnerKey {
  partner: string;
  plan: string;
  /** The key's name in AWS. */
  name: string;
  /** The value a client sends in x-api-key. */
  value: string;
}

/** The routes of serverless.yml's http events, with what API Gateway checks on each. */
export function routesOf(config: ServiceConfig): Route[] {
  const routes: Route[] = [];
  for (const fn of Object.values(config.functions ?? {})) {
    for (const { http } of fn.events ?? []) {
      if (!http) continue;
      const path = `/${http.path.replace(/^\/+/, '')}`;
      const route: Route = { method: http.method.toUpperCase(), path, apiKeyRequired: http.private === true };
      if (http.authorizer) {
        const settings = typeof http.authorizer === 'string' ? { name: http.authorizer } : http.authorizer;
        if ((settings.type ?? 'token').toLowerCase() !== 'token') {
          throw new Error(`local/front-door.ts imitates TOKEN authorizers only, not ${settings.type} (${route.method} ${path})`);
        }
        const source = /^method\.request\.header\.(.+)$/.exec(settings.identitySource ?? 'method.request.header.Authorization')?.[1];
        if (!source) throw new Error(`local/front-door.ts reads tokens from headers only, not ${settings.identitySource}`);
        const functionName = config.functions?.[settings.name]?.name ?? `${config.service}-${config.provider.stage}-${settings.name}`;
        route.authorizer = {
          functionName,
          header: source.toLowerCase(),
          validation: settings.identityValidationExpression ? new RegExp(settings.identityValidationExpression) : undefined,
          // osls and API Gateway both default to 300 seconds.
          ttlSeconds: settings.resultTtlInSeconds ?? 300,
        };
      }
      if (http.cors) {
        route.cors = {
          origin: http.cors.origin ?? '*',
          headers: http.cors.headers ?? ['Content-Type', 'X-Amz-Date', 'Authorization', 'X-Api-Key', 'X-Amz-Security-Token', 'X-Amz-User-Agent'],
          maxAge: http.cors.maxAge,
          allowCredentials: http.cors.allowCredentials === true,
        };
      }
      routes.push(route);
    }
  }
  return routes;
}

// #region local-key-values
/**
 * The partner keys of serverless.yml, grouped by usage plan. In AWS, AWS makes up each value
 * and `serverless info` prints it; locally each value is made from the key's name, so it is the
 * same on every run (and useless anywhere else). A value set in serverless.yml is used as it is.
 */
export function partnerKeysOf(config: ServiceConfig): PartnerKey[] {
  const prefix = `${config.service}-${config.provider.stage}-`;
  const keys: PartnerKey[] = [];
  for (const group of config.provider.apiGateway?.apiKeys ?? []) {
    if (typeof group !== 'object' || group === null || Array.isArray(group)) {
      throw new Error('local/front-door.ts expects API keys grouped by usage plan: - <plan>: [ { name: ... } ]');
    }
    for (const [plan, members] of Object.entries(group)) {
      for (const member of members as Array<string | { name: string; value?: string; enabled?: boolean }>) {
        const { name, value, enabled } = typeof member === 'string' ? { name: member, value: undefined, enabled: true } : member;
        // A key set to `enabled: false` (how the chapter revokes one) is refused by AWS: here too.
        if (enabled === false) continue;
        const partner = name.startsWith(prefix) ? name.slice(prefix.length) : name;
        const derived = `local-${partner}-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
        keys.push({ partner, plan, name, value: value ?? derived });
      }
    }
  }
  return keys;
}
// #endregion local-key-values

/** The route a method and path reach, as API Gateway matches them: `{name}` is one segment, not empty. */
export function matchRoute(routes: Route[], method: string, path: string): Route | undefined {
  const segments = path.split('/').slice(1);
  return routes.find((route) => {
    if (route.method !== method) return false;
    const wanted = route.path.split('/').slice(1);
    return wanted.length === segments.length && wanted.every((part, i) => (/^\{\w+\}$/.test(part) ? segments[i] !== '' : part === segments[i]));
  });
}

// #region preflight
/**
 * The answer to a CORS preflight (OPTIONS) on a path whose routes have `cors`, as the mock
 * OPTIONS method that osls adds to the REST API gives it: the same fixed headers, whatever
 * origin asks. The browser, not the API, compares the origin and refuses a page of another.
 */
export function preflightAnswer(routes: Route[], path: string): { status: number; headers: Record<string, string>; body: string } | undefined {
  const onPath = routes.filter((route) => route.cors && matchRoute([route], route.method, path));
  const cors = onPath[0]?.cors;
  if (!cors) return undefined;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'access-control-allow-origin': cors.origin,
    'access-control-allow-headers': cors.headers.join(','),
    'access-control-allow-methods': ['OPTIONS', ...onPath.map((route) => route.method)].join(','),
  };
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  if (cors.maxAge) headers['access-control-max-age'] = String(cors.maxAge);
  return { status: 200, headers, body: '' };
}
// #endregion preflight

/** An authorizer's answer, as a Lambda authorizer returns it. */
interface AuthorizerResult {
  principalId?: unknown;
  policyDocument?: { Statement?: Array<{ Effect?: string; Action?: string | string[]; Resource?: string | string[] }> };
  context?: Record<string, unknown>;
}

/** What the gateway does with a request to a guarded route, once the authorizer has spoken. */
export type AuthorizerOutcome =
  | { outcome: 'allow'; authorizer: Record<string, string | number> }
  | { outcome: 'UNAUTHORIZED' | 'ACCESS_DENIED' | 'AUTHORIZER_FAILURE' | 'AUTHORIZER_CONFIGURATION_ERROR' };

/** IAM's matching of a policy resource against an ARN: `*` any run of characters, `?` one. */
const arnMatches = (pattern: string, arn: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(arn);

// #region policy-evaluation
/**
 * Whether a policy allows invoking `methodArn`, as API Gateway evaluates it: an explicit Deny
 * wins, then an Allow that names the method, and anything else is denied. This is what makes a
 * cached policy that names only the first route it was asked for refuse the others.
 */
export function policyAllows(policy: AuthorizerResult['policyDocument'], methodArn: string): boolean {
  const applies = (statement: { Action?: string | string[]; Resource?: string | string[] }) =>
    [statement.Action ?? []].flat().some((action) => ['execute-api:Invoke', 'execute-api:*', '*'].includes(action)) &&
    [statement.Resource ?? []].flat().some((resource) => arnMatches(resource, methodArn));
  const statements = policy?.Statement ?? [];
  if (statements.some((statement) => statement.Effect === 'Deny' && applies(statement))) return false;
  return statements.some((statement) => statement.Effect === 'Allow' && applies(statement));
}
// #endregion policy-evaluation

/** Calls a function the way API Gateway calls an authorizer; resolves to its result, or rejects with its error message. */
export type InvokeFunction = (functionName: string, event: object) => Promise<unknown>;

/** Invokes a function through serverless-offline's Lambda API (its --lambdaPort), as the AWS SDK would. */
export function invokeThroughOffline(lambdaPort: number): InvokeFunction {
  return async (functionName, event) => {
    const response = await fetch(`http://127.0.0.1:${lambdaPort}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`, {
      method: 'POST',
      body: JSON.stringify(event),
    });
    const text = await response.text();
    const payload = text ? JSON.parse(text) : null;
    if (response.headers.get('x-amz-function-error') || response.headers.get('x-amzn-errortype') || response.status !== 200) {
      throw new FunctionError(String(payload?.errorMessage ?? payload?.Message ?? `status ${response.status}`));
    }
    return payload;
  };
}

/** A function that failed: its error message, which is all API Gateway looks at. */
export class FunctionError extends Error {}

// #region local-authorizer
/**
 * A Lambda authorizer as API Gateway runs it. A request without the header, or with one that
 * does not match identityValidationExpression, is refused with 401 before the function is
 * called. The function gets the event AWS sends a TOKEN authorizer, and nothing more. Its error
 * "Unauthorized" is a 401; any other error is AUTHORIZER_FAILURE. Its policy is kept for the
 * token, for resultTtlInSeconds, and each request is checked against it, cached or not.
 */
export class LocalAuthorizer {
  private readonly cache = new Map<string, { result: AuthorizerResult; until: number }>();

  constructor(
    private readonly invoke: InvokeFunction,
    private readonly now: () => number = Date.now,
    /** How many times the function was called: the tests count cache hits with it. */
    public calls = 0,
  ) {}

  async authorize(authorizer: Authorizer, headers: Record<string, string | string[] | undefined>, methodArn: string): Promise<AuthorizerOutcome> {
    const sent = headers[authorizer.header];
    const token = Array.isArray(sent) ? sent.join(',') : sent;
    if (!token || (authorizer.validation && !authorizer.validation.test(token))) return { outcome: 'UNAUTHORIZED' };
    const key = `${authorizer.functionName}\n${token}`;
    let cached = this.cache.get(key);
    if (!cached || cached.until <= this.now()) {
      this.cache.delete(key);
      let result: AuthorizerResult;
      try {
        this.calls += 1;
        result = (await this.invoke(authorizer.functionName, { type: 'TOKEN', authorizationToken: token, methodArn })) as AuthorizerResult;
      } catch (error) {
        return { outcome: error instanceof FunctionError && error.message === 'Unauthorized' ? 'UNAUTHORIZED' : 'AUTHORIZER_FAILURE' };
      }
      if (typeof result?.principalId !== 'string' || !result.policyDocument) return { outcome: 'AUTHORIZER_CONFIGURATION_ERROR' };
      cached = { result, until: this.now() + authorizer.ttlSeconds * 1000 };
      if (authorizer.ttlSeconds > 0) this.cache.set(key, cached);
    }
    const { result } = cached;
    if (!policyAllows(result.policyDocument, methodArn)) return { outcome: 'ACCESS_DENIED' };
    const context: Record<string, string | number> = { principalId: String(result.principalId), integrationLatency: 0 };
    for (const [name, value] of Object.entries(result.context ?? {})) {
      // API Gateway takes strings, numbers and booleans, and hands them to the function as strings.
      if (!['string', 'number', 'boolean'].includes(typeof value)) return { outcome: 'AUTHORIZER_CONFIGURATION_ERROR' };
      context[name] = String(value);
    }
    return { outcome: 'allow', authorizer: context };
  }
}
// #endregion local-authorizer

/** The ARN API Gateway builds for a request: arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>. */
export const methodArnOf = (config: ServiceConfig, method: string, path: string) =>
  `arn:aws:execute-api:${config.provider.region}:123456789012:localapi000/${config.provider.stage}/${method}${path}`;

/** The gateway response types of API Gateway that the front door can answer with. */
export type RefusalType =
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'INVALID_API_KEY'
  | 'UNAUTHORIZED'
  | 'ACCESS_DENIED'
  | 'AUTHORIZER_FAILURE'
  | 'AUTHORIZER_CONFIGURATION_ERROR'
  | 'THROTTLED'
  | 'QUOTA_EXCEEDED';

export interface FrontDoor {
  config: ServiceConfig;
  routes: Route[];
  keys: PartnerKey[];
  authorizer: LocalAuthorizer;
  usage: LocalUsagePlans;
}

export type Decision =
  | { refuse: RefusalType }
  | { preflight: NonNullable<ReturnType<typeof preflightAnswer>> }
  /** Let the request through, with the authorizer's context for the function, if the route has one. */
  | { forward: { authorizer?: Record<string, string | number>; partner?: PartnerKey } };

/** A front door for the service that `config` describes (`serverless print`), calling authorizers with `invoke`. */
export function frontDoorFor(config: ServiceConfig, invoke: InvokeFunction, now: () => number = Date.now): FrontDoor {
  const usage = new LocalUsagePlans(usagePlansOf(config), now);
  return { config, routes: routesOf(config), keys: partnerKeysOf(config), authorizer: new LocalAuthorizer(invoke, now), usage };
}

// #region front-door
/**
 * What API Gateway does with a request before any function runs, in its order: find the route
 * (none: MISSING_AUTHENTICATION_TOKEN), run the authorizer if the route has one, then check the
 * API key if the route is private, and the key's usage plan: its throttles and its quota.
 * A preflight (OPTIONS) on a path with CORS gets the mock answer.
 */
export async function decide(door: FrontDoor, method: string, path: string, headers: Record<string, string | string[] | undefined>): Promise<Decision> {
  if (method === 'OPTIONS') {
    const preflight = preflightAnswer(door.routes, path);
    return preflight ? { preflight } : { refuse: 'MISSING_AUTHENTICATION_TOKEN' };
  }
  const route = matchRoute(door.routes, method, path);
  if (!route) return { refuse: 'MISSING_AUTHENTICATION_TOKEN' };
  let authorizer: Record<string, string | number> | undefined;
  if (route.authorizer) {
    const checked = await door.authorizer.authorize(route.authorizer, headers, methodArnOf(door.config, method, path));
    if (checked.outcome !== 'allow') return { refuse: checked.outcome };
    authorizer = checked.authorizer;
  }
  let partner: PartnerKey | undefined;
  if (route.apiKeyRequired) {
    // #region local-key-check
    const sent = headers['x-api-key'];
    partner = door.keys.find((key) => key.value === (Array.isArray(sent) ? sent[0] : sent));
    if (!partner) return { refuse: 'INVALID_API_KEY' };
    // #endregion local-key-check
    const overLimit = door.usage.admit(partner, route);
    if (overLimit) return { refuse: overLimit };
  }
  return { forward: { authorizer, partner } };
}
// #endregion front-door

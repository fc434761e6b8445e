/**
 * The local stand-in for API Gateway's front door (local/front-door.ts): API keys, the Lambda
 * authorizer and its cache, CORS preflights. The authorizer here is a stub; the integration
 * tests run the real one behind the real local gateway.
 */
import {
  decide,
  FunctionError,
  frontDoorFor,
  LocalAuthorizer,
  matchRoute,
  partnerKeysOf,
  policyAllows,
  preflightAnswer,
  routesOf,
  type InvokeFunction,
  type ServiceConfig,
} from '../../local/front-door';

const authorizer = {
  name: 'authorizer',
  type: 'token',
  identitySource: 'method.request.header.Authorization',
  identityValidationExpression: '^Bearer [-0-9A-Za-z_.]+$',
  resultTtlInSeconds: 300,
};
const cors = { origin: 'https://app.example', headers: ['Content-Type', 'Authorization'], maxAge: 600, allowCredentials: false };

/** A service shaped as `serverless print` prints this chapter's serverless.yml. */
const config: ServiceConfig = {
  service: 'rate-the-ride-13',
  provider: {
    stage: 'dev',
    region: 'us-east-1',
    apiGateway: {
      apiKeys: [{ partners: [{ name: 'rate-the-ride-13-dev-insurer' }, { name: 'rate-the-ride-13-dev-fleet', value: 'chosen-value-0123456789' }] }],
      // A plan with no limits, as chapter 12 had: the limits have tests of their own below.
      usagePlan: [{ partners: {} }],
    },
  },
  functions: {
    createDriver: { name: 'rate-the-ride-13-dev-createDriver', events: [{ http: { method: 'post', path: '/drivers', authorizer, cors } }] },
    getDriver: { events: [{ http: { method: 'get', path: '/drivers/{driverId}', private: true, cors } }] },
    createRating: { events: [{ http: { method: 'post', path: '/drivers/{driverId}/ratings', authorizer, cors } }] },
    listRatings: { events: [{ http: { method: 'get', path: '/drivers/{driverId}/ratings', private: true, cors } }] },
    authorizer: { name: 'rate-the-ride-13-dev-authorizer' },
  },
};
const routes = routesOf(config);
const arn = (method: string, path: string) => `arn:aws:execute-api:us-east-1:123456789012:localapi000/dev/${method}${path}`;
const allowBoth = {
  principalId: 'rider-7',
  policyDocument: { Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: [arn('POST', '/drivers'), arn('POST', '/drivers/*/ratings')] }] },
  context: { kind: 'rider', ride: 'ride-1', driver: 'd-1', verified: true },
};

describe('partner keys', () => {
  it('are read from the usage plan groups, with a value made from the name unless one is set', () => {
    const keys = partnerKeysOf(config);
    expect(keys.map(({ partner, plan, name }) => ({ partner, plan, name }))).toEqual([
      { partner: 'insurer', plan: 'partners', name: 'rate-the-ride-13-dev-insurer' },
      { partner: 'fleet', plan: 'partners', name: 'rate-the-ride-13-dev-fleet' },
    ]);
    expect(keys[0]!.value).toMatch(/^local-insurer-[0-9a-f]{16}$/);
    expect(partnerKeysOf(config)[0]!.value).toBe(keys[0]!.value);
    expect(keys[1]!.value).toBe('chosen-value-0123456789');
  });

  it('leaves out a key set to enabled: false, which AWS refuses', () => {
    const disabled: ServiceConfig = {
      ...config,
      provider: { ...config.provider, apiGateway: { apiKeys: [{ partners: [{ name: 'rate-the-ride-13-dev-insurer', enabled: false }, { name: 'rate-the-ride-13-dev-fleet' }] }] } },
    };
    expect(partnerKeysOf(disabled).map(({ partner }) => partner)).toEqual(['fleet']);
  });

  it('must be grouped by usage plan: a plain key would be in no plan, and refused by AWS', () => {
    expect(() => partnerKeysOf({ ...config, provider: { ...config.provider, apiGateway: { apiKeys: ['loose-key'] } } })).toThrow(/grouped by usage plan/);
  });
});

describe('routes', () => {
  it('say which need a key and which the authorizer, with its header, expression and cache time', () => {
    expect(matchRoute(routes, 'GET', '/drivers/d-1')).toMatchObject({ apiKeyRequired: true });
    expect(matchRoute(routes, 'GET', '/drivers/d-1')?.authorizer).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/drivers/d-1/ratings')).toMatchObject({
      apiKeyRequired: false,
      authorizer: { functionName: 'rate-the-ride-13-dev-authorizer', header: 'authorization', ttlSeconds: 300 },
    });
  });

  it.each([
    ['GET', '/drivers/'],
    ['GET', '//drivers'],
    ['GET', '/drivers/d-1/'],
    ['DELETE', '/drivers/d-1'],
    ['GET', '/Drivers/d-1'],
  ])('match no route for %s %s', (method, path) => {
    expect(matchRoute(routes, method, path)).toBeUndefined();
  });
});

describe('the CORS preflight', () => {
  it("answers as osls's mock OPTIONS method does: fixed headers, the path's methods", () => {
    expect(preflightAnswer(routes, '/drivers/d-1/ratings')).toEqual({
      status: 200,
      headers: {
        'content-type': 'application/json',
        'access-control-allow-origin': 'https://app.example',
        'access-control-allow-headers': 'Content-Type,Authorization',
        'access-control-allow-methods': 'OPTIONS,POST,GET',
        'access-control-max-age': '600',
      },
      body: '',
    });
    expect(preflightAnswer(routes, '/passengers')).toBeUndefined();
  });
});

describe('policyAllows', () => {
  it('allows what an Allow names, with wildcards, and nothing else', () => {
    expect(policyAllows(allowBoth.policyDocument, arn('POST', '/drivers/d-9/ratings'))).toBe(true);
    expect(policyAllows(allowBoth.policyDocument, arn('GET', '/drivers/d-9/ratings'))).toBe(false);
  });

  it('lets an explicit Deny win', () => {
    const deny = { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: arn('POST', '/drivers') };
    expect(policyAllows({ Statement: [...allowBoth.policyDocument.Statement, deny] }, arn('POST', '/drivers'))).toBe(false);
  });
});

describe('the local authorizer', () => {
  const route = matchRoute(routes, 'POST', '/drivers/d-1/ratings')!.authorizer!;
  const bearer = { authorization: 'Bearer a.b.c' };

  it('refuses a missing header, or one the expression does not match, without calling the function', async () => {
    const invoke = jest.fn<ReturnType<InvokeFunction>, Parameters<InvokeFunction>>();
    const local = new LocalAuthorizer(invoke);
    for (const headers of [{}, { authorization: '' }, { authorization: 'Basic abc' }, { authorization: 'Bearer a b' }]) {
      expect(await local.authorize(route, headers, arn('POST', '/drivers/d-1/ratings'))).toEqual({ outcome: 'UNAUTHORIZED' });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('sends the function exactly what AWS sends a TOKEN authorizer', async () => {
    const invoke = jest.fn<ReturnType<InvokeFunction>, Parameters<InvokeFunction>>().mockResolvedValue(allowBoth);
    await new LocalAuthorizer(invoke).authorize(route, bearer, arn('POST', '/drivers/d-1/ratings'));
    expect(invoke).toHaveBeenCalledWith('rate-the-ride-13-dev-authorizer', { type: 'TOKEN', authorizationToken: 'Bearer a.b.c', methodArn: arn('POST', '/drivers/d-1/ratings') });
  });

  it('turns the error "Unauthorized" into a 401, and any other error into AUTHORIZER_FAILURE', async () => {
    const failing = (message: string) => new LocalAuthorizer(async () => Promise.reject(new FunctionError(message)));
    expect(await failing('Unauthorized').authorize(route, bearer, arn('POST', '/drivers'))).toEqual({ outcome: 'UNAUTHORIZED' });
    expect(await failing('Cannot read the keys').authorize(route, bearer, arn('POST', '/drivers'))).toEqual({ outcome: 'AUTHORIZER_FAILURE' });
  });

  it('hands the context on as API Gateway does: strings, with principalId and integrationLatency', async () => {
    expect(await new LocalAuthorizer(async () => allowBoth).authorize(route, bearer, arn('POST', '/drivers'))).toEqual({
      outcome: 'allow',
      authorizer: { principalId: 'rider-7', integrationLatency: 0, kind: 'rider', ride: 'ride-1', driver: 'd-1', verified: 'true' },
    });
  });

  it('caches the answer for the token for the TTL, and checks each route against the cached policy', async () => {
    let clock = 0;
    const onlyRatings = { ...allowBoth, policyDocument: { Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: arn('POST', '/drivers/d-1/ratings') }] } };
    const local = new LocalAuthorizer(async () => onlyRatings, () => clock);
    expect((await local.authorize(route, bearer, arn('POST', '/drivers/d-1/ratings'))).outcome).toBe('allow');
    // The same token on the other guarded route, from the cache: the policy does not name it.
    expect((await local.authorize(route, bearer, arn('POST', '/drivers'))).outcome).toBe('ACCESS_DENIED');
    expect(local.calls).toBe(1);
    clock = 300_000;
    await local.authorize(route, bearer, arn('POST', '/drivers'));
    expect(local.calls).toBe(2);
  });

  it('refuses an answer API Gateway could not use', async () => {
    const nested = { ...allowBoth, context: { caller: { kind: 'rider' } } };
    expect(await new LocalAuthorizer(async () => nested).authorize(route, bearer, arn('POST', '/drivers'))).toEqual({ outcome: 'AUTHORIZER_CONFIGURATION_ERROR' });
    expect(await new LocalAuthorizer(async () => ({ policyDocument: {} })).authorize(route, bearer, arn('POST', '/drivers'))).toEqual({ outcome: 'AUTHORIZER_CONFIGURATION_ERROR' });
  });
});

describe('decide, with a usage plan that has limits', () => {
  const limited: ServiceConfig = {
    ...config,
    provider: {
      ...config.provider,
      apiGateway: {
        apiKeys: [{ tiny: [{ name: 'rate-the-ride-13-dev-insurer' }] }],
        usagePlan: [{ tiny: { throttle: { rateLimit: 1, burstLimit: 2 }, quota: { limit: 3, period: 'DAY' } } }],
      },
    },
  };

  it('checks the key first, then the throttle, then the quota, answering as API Gateway would', async () => {
    let now = Date.parse('2026-12-07T10:00:00Z');
    const door = frontDoorFor(limited, async () => allowBoth, () => now);
    const read = (key: string) => decide(door, 'GET', '/drivers/d-1', { 'x-api-key': key });
    const key = partnerKeysOf(limited)[0]!.value;
    expect(await read('wrong')).toEqual({ refuse: 'INVALID_API_KEY' });
    expect(await read(key)).toHaveProperty('forward');
    expect(await read(key)).toHaveProperty('forward');
    expect(await read(key)).toEqual({ refuse: 'THROTTLED' });
    now += 1000;
    expect(await read(key)).toHaveProperty('forward');
    now += 1000;
    expect(await read(key)).toEqual({ refuse: 'QUOTA_EXCEEDED' });
    // Routes for riders and staff have no key, so no plan limits them.
    for (let i = 0; i < 5; i++) expect(await decide(door, 'POST', '/drivers/d-1/ratings', { authorization: 'Bearer a.b.c' })).toHaveProperty('forward');
  });
});

describe('decide', () => {
  const door = frontDoorFor(config, async () => allowBoth);
  const key = partnerKeysOf(config)[0]!.value;

  it.each([
    ['an unknown route', 'GET', '/passengers', {}, { refuse: 'MISSING_AUTHENTICATION_TOKEN' }],
    ['a read without a key', 'GET', '/drivers/d-1', {}, { refuse: 'INVALID_API_KEY' }],
    ['a read with a key name instead of its value', 'GET', '/drivers/d-1', { 'x-api-key': 'rate-the-ride-13-dev-insurer' }, { refuse: 'INVALID_API_KEY' }],
    ['a write without a token', 'POST', '/drivers', {}, { refuse: 'UNAUTHORIZED' }],
    ['a write with an API key only', 'POST', '/drivers', { 'x-api-key': key }, { refuse: 'UNAUTHORIZED' }],
    ['a preflight on an unknown path', 'OPTIONS', '/passengers', {}, { refuse: 'MISSING_AUTHENTICATION_TOKEN' }],
  ])('refuses %s', async (_label, method, path, headers, decision) => {
    expect(await decide(door, method, path, headers)).toEqual(decision);
  });

  it('lets a partner read, and a token holder write, saying who', async () => {
    expect(await decide(door, 'GET', '/drivers/d-1', { 'x-api-key': key })).toMatchObject({ forward: { partner: { partner: 'insurer' } } });
    expect(await decide(door, 'POST', '/drivers', { authorization: 'Bearer a.b.c' })).toMatchObject({ forward: { authorizer: { principalId: 'rider-7' } } });
  });
});

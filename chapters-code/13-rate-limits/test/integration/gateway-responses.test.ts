/**
 * Requests that reach no function get API Gateway's own answers, shaped by the gateway
 * responses in serverless.yml. Locally, local/gateway.ts stands in for them. These tests
 * render each gateway response from serverless.yml as API Gateway does and check that the
 * local stack sends exactly that: same status, same headers, same body. They fail as soon as
 * the local answers and the deployed ones say different things.
 */
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FunctionError, frontDoorFor, type ServiceConfig } from '../../local/front-door';
import { type GatewayResponse, startLocalGateway } from '../../local/gateway';
import { freePorts } from '../../local/ports';
import { readResources, readService } from '../../local/stack';
import { type ProblemKind, problemTypes, problemTypeUri } from '../../src/http/problems';
import { call, expectStackAnswers } from '../support/api';
import { staffToken } from '../support/credentials';

let responses: GatewayResponse[];

beforeAll(async () => {
  await expectStackAnswers();
  const resources = await readResources();
  responses = Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::ApiGateway::GatewayResponse')
    .map((resource) => resource.Properties);
}, 120_000);

// #region deployed
/** What API Gateway sends for a gateway response of `type`, as serverless.yml declares it. */
function deployed(type: string, status: number, message: string) {
  const response = responses.find((candidate) => candidate.ResponseType === type);
  if (!response) throw new Error(`serverless.yml has no gateway response for ${type}`);
  const headers = Object.fromEntries(
    Object.entries(response.ResponseParameters ?? {}).map(([name, value]) => [name.replace('gatewayresponse.header.', '').toLowerCase(), value.replace(/^'|'$/g, '')]),
  );
  // API Gateway puts the message in, JSON-quoted, where the template says $context.error.messageString.
  const body = response.ResponseTemplates!['application/json']!.replace('$context.error.messageString', JSON.stringify(message));
  return { status: Number(response.StatusCode ?? status), headers, body: JSON.parse(body) };
}
// #endregion deployed

function expectAnswer(answer: Awaited<ReturnType<typeof call>>, expected: ReturnType<typeof deployed>): void {
  expect(answer.status).toBe(expected.status);
  for (const [name, value] of Object.entries(expected.headers)) expect(answer.headers.get(name)).toBe(value);
  expect(answer.body).toEqual(expected.body);
}

it("answers an unknown route as problems.ts and serverless.yml's route-not-found response both say", async () => {
  const expected = deployed('MISSING_AUTHENTICATION_TOKEN', 403, 'Missing Authentication Token');
  expect(expected.body).toEqual({
    type: problemTypeUri('routeNotFound'),
    title: problemTypes.routeNotFound.title,
    status: problemTypes.routeNotFound.status,
    detail: expect.any(String),
  });
  expect(expected.status).toBe(problemTypes.routeNotFound.status);
  expectAnswer(await call('GET', '/passengers'), expected);
  expectAnswer(await call('DELETE', '/drivers'), expected);
});

// #region access-responses-tests
describe("API Gateway's refusals (chapter 12)", () => {
  it.each([
    ['INVALID_API_KEY', 'invalidApiKey'],
    ['UNAUTHORIZED', 'notAuthenticated'],
    ['ACCESS_DENIED', 'accessDenied'],
    ['AUTHORIZER_FAILURE', 'unavailable'],
  ] as Array<[string, ProblemKind]>)("%s is serverless.yml's rendering of the %s problem of problems.ts", (type, kind) => {
    const { body, status } = deployed(type, 0, 'message');
    expect(body).toEqual({ type: problemTypeUri(kind), title: problemTypes[kind].title, status: problemTypes[kind].status, detail: expect.any(String) });
    expect(status).toBe(problemTypes[kind].status);
  });

  it('answers a read without a valid key, and a write without a valid token, as deployed', async () => {
    const refusedKey = deployed('INVALID_API_KEY', 403, 'Forbidden');
    expectAnswer(await call('GET', '/drivers/anyone', { credentials: 'none' }), refusedKey);
    expectAnswer(await call('GET', '/drivers/anyone', { headers: { 'x-api-key': 'wrong' }, credentials: 'none' }), refusedKey);
    const refusedToken = deployed('UNAUTHORIZED', 401, 'Unauthorized');
    expectAnswer(await call('POST', '/drivers', { credentials: 'none' }), refusedToken);
    expectAnswer(await call('POST', '/drivers', { headers: { authorization: 'Bearer not.a.token' }, credentials: 'none' }), refusedToken);
  });

  describe('when the authorizer fails or denies', () => {
    let emulator: Server;
    const gateways: Server[] = [];

    /** A gateway in front of a stand-in emulator, with an authorizer that answers `authorize`. */
    async function gatewayWith(authorize: () => Promise<unknown>): Promise<string> {
      const config = (await readService()) as ServiceConfig;
      const [port] = await freePorts(['gateway']);
      gateways.push(await startLocalGateway(port, (emulator.address() as AddressInfo).port, responses, frontDoorFor(config, authorize)));
      return `http://localhost:${port}`;
    }

    beforeAll(async () => {
      emulator = createServer((_request, response) => response.writeHead(201, { 'content-type': 'application/json' }).end('{}'));
      await new Promise<void>((resolve) => emulator.listen(0, '127.0.0.1', resolve));
    });

    afterAll(() => {
      for (const gateway of gateways) gateway.close();
      emulator?.close();
    });

    it('answers 503, as AUTHORIZER_FAILURE is deployed, when the authorizer fails with anything but "Unauthorized"', async () => {
      const baseUrl = await gatewayWith(async () => Promise.reject(new FunctionError('SSM parameter not found')));
      const answer = await call('POST', '/drivers', { baseUrl, headers: { authorization: `Bearer ${await staffToken()}` }, credentials: 'none', retry: false });
      expectAnswer(answer, deployed('AUTHORIZER_FAILURE', 500, 'Internal server error'));
    });

    it('answers 403, as ACCESS_DENIED is deployed, when the policy does not allow the route', async () => {
      const deny = async () => ({ principalId: 'someone', policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: '*' }] } });
      const baseUrl = await gatewayWith(deny);
      const answer = await call('POST', '/drivers', { baseUrl, headers: { authorization: `Bearer ${await staffToken()}` }, credentials: 'none' });
      expectAnswer(answer, deployed('ACCESS_DENIED', 403, 'User is not authorized to access this resource'));
    });
  });
});
// #endregion access-responses-tests

// #region limit-responses-tests
describe("API Gateway's limits (chapter 13)", () => {
  it.each([
    ['THROTTLED', 'throttled', '1'],
    ['QUOTA_EXCEEDED', 'quotaExceeded', '3600'],
  ] as Array<[string, ProblemKind, string]>)('%s is the %s problem of problems.ts, with Retry-After: %s', (type, kind, seconds) => {
    const { body, status, headers } = deployed(type, 0, 'message');
    expect(body).toEqual({ type: problemTypeUri(kind), title: problemTypes[kind].title, status: 429, detail: expect.any(String) });
    expect(status).toBe(problemTypes[kind].status);
    expect(headers['retry-after']).toBe(seconds);
  });

  describe('on a gateway whose clock the test sets', () => {
    let emulator: Server;
    let gateway: Server;
    let baseUrl: string;
    let now = Date.parse('2026-12-07T10:00:00Z');
    const sandbox = () => ({ 'x-api-key': process.env.SANDBOX_API_KEY! });

    beforeAll(async () => {
      emulator = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
      await new Promise<void>((resolve) => emulator.listen(0, '127.0.0.1', resolve));
      const config = (await readService()) as ServiceConfig;
      const [port] = await freePorts(['gateway']);
      const door = frontDoorFor(config, async () => Promise.reject(new Error('no authorizer here')), () => now);
      gateway = await startLocalGateway(port, (emulator.address() as AddressInfo).port, responses, door);
      baseUrl = `http://localhost:${port}`;
    });

    afterAll(() => {
      gateway?.close();
      emulator?.close();
    });

    const read = () => call('GET', '/drivers/anyone', { baseUrl, headers: sandbox(), credentials: 'none', retry: false });

    it("answers the request past the sandbox tier's burst of 10 as THROTTLED is deployed", async () => {
      for (let i = 0; i < 10; i++) expect((await read()).status).toBe(200);
      expectAnswer(await read(), deployed('THROTTLED', 429, 'Too Many Requests'));
    });

    it('and, a request a second, the one past its quota of 30 a day as QUOTA_EXCEEDED is deployed', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        now += 1000;
        statuses.push((await read()).status);
      }
      expect(statuses).toEqual(Array(20).fill(200));
      now += 1000;
      expectAnswer(await read(), deployed('QUOTA_EXCEEDED', 429, 'Limit Exceeded'));
      // Midnight UTC: a new day, a new quota.
      now = Date.parse('2026-12-08T00:00:00Z');
      expect((await read()).status).toBe(200);
    });
  });
});
// #endregion limit-responses-tests

describe('in front of an emulator that fails in other ways', () => {
  let emulator: Server;
  let gateway: Server;
  let baseUrl: string;

  beforeAll(async () => {
    // Answers with the status its path names, never with a problem document; /problem with one.
    emulator = createServer((request, response) => {
      if (request.url === '/problem') {
        response.writeHead(409, { 'content-type': 'application/problem+json', 'x-from': 'function' }).end('{"title":"ours"}');
      } else {
        response.writeHead(Number(request.url!.slice(1)), { 'content-type': 'text/plain' }).end('emulator text');
      }
    });
    await new Promise<void>((resolve) => emulator.listen(0, '127.0.0.1', resolve));
    const [port] = await freePorts(['gateway']);
    gateway = await startLocalGateway(port, (emulator.address() as AddressInfo).port, responses);
    baseUrl = `http://localhost:${port}`;
  });

  afterAll(() => {
    gateway?.close();
    emulator?.close();
  });

  it.each([400, 413, 415, 429])('answers %i as the DEFAULT_4XX response does', async (status) => {
    expectAnswer(await call('GET', `/${status}`, { baseUrl, retry: false }), deployed('DEFAULT_4XX', status, STATUS_CODES[status]!));
  });

  it('answers 500 as the DEFAULT_5XX response does', async () => {
    expectAnswer(await call('GET', '/500', { baseUrl }), deployed('DEFAULT_5XX', 500, STATUS_CODES[500]!));
  });

  it("passes a function's own problem document through untouched", async () => {
    const answer = await call('GET', '/problem', { baseUrl });
    expect([answer.status, answer.headers.get('x-from'), answer.text]).toEqual([409, 'function', '{"title":"ours"}']);
  });

  it('answers 502 as the DEFAULT_5XX response does when the emulator is gone', async () => {
    emulator.closeAllConnections();
    await new Promise((resolve) => emulator.close(resolve));
    expectAnswer(await call('GET', '/200', { baseUrl }), deployed('DEFAULT_5XX', 502, STATUS_CODES[502]!));
  });
});

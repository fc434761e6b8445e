import { newDriverSchema } from '../../src/domain/schemas';
import { HttpProblem } from '../../src/http/problems';
import { isJsonContentType, readJsonBody } from '../../src/http/request';
import { sampleEvent } from '../support/events';

const jsonHeaders = { 'Content-Type': 'application/json' };

function problemOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error.document;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('isJsonContentType', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"', 'application/json; v=1'])(
    'accepts %s',
    (value) => expect(isJsonContentType(value)).toBe(true),
  );
  it.each([undefined, '', 'text/plain', 'application/jsonp', 'application/json; charset=latin1', 'application/problem+json'])(
    'refuses %s',
    (value) => expect(isJsonContentType(value)).toBe(false),
  );
});

describe('readJsonBody', () => {
  it('returns the checked, typed body', () => {
    const event = sampleEvent('create-driver', { headers: jsonHeaders, body: '{"name":" Ana ","city":"Lisbon"}' });
    expect(readJsonBody(event, newDriverSchema)).toEqual({ name: 'Ana', city: 'Lisbon' });
  });

  it('reads base64-encoded bodies', () => {
    const body = Buffer.from('{"name":"Ana","city":"Lisbon"}').toString('base64');
    expect(readJsonBody(sampleEvent('create-driver', { headers: jsonHeaders, body, isBase64Encoded: true }), newDriverSchema).name).toBe('Ana');
  });

  it.each([
    ['no body', { headers: jsonHeaders, body: null }, 400, 'body-missing'],
    ['an empty body', { headers: jsonHeaders, body: '' }, 400, 'body-missing'],
    ['a body over 16 KiB', { headers: jsonHeaders, body: `"${'x'.repeat(16 * 1024)}"` }, 413, 'body-too-large'],
    ['no content type', { headers: {}, body: '{}' }, 415, 'unsupported-media-type'],
    ['broken JSON', { headers: jsonHeaders, body: '{"name"' }, 400, 'invalid-json'],
    ['a wrong shape', { headers: jsonHeaders, body: '{"name":1}' }, 400, 'validation'],
  ])('answers %s with %i', (_label, event, status, slug) => {
    const document = problemOf(() => readJsonBody(sampleEvent('create-driver', event), newDriverSchema));
    expect(document).toMatchObject({ status });
    expect(document.type).toMatch(new RegExp(`/${slug}$`));
  });

  it('reads a body that arrives parsed, as serverless-offline passes `0` and `false`', () => {
    const event = sampleEvent('create-driver', { headers: jsonHeaders, body: 0 as unknown as string });
    expect(problemOf(() => readJsonBody(event, newDriverSchema))).toMatchObject({ status: 400, errors: [{ pointer: '' }] });
  });

  it('counts bytes, not characters, against the limit', () => {
    // 6,000 three-byte characters: 18,000 bytes, though only 6,000 characters.
    const body = JSON.stringify({ name: '€'.repeat(6000), city: 'B' });
    expect(problemOf(() => readJsonBody(sampleEvent('create-driver', { headers: jsonHeaders, body }), newDriverSchema)).status).toBe(413);
  });
});

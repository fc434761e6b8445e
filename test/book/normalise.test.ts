import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseOutput, rewriteCommand } from '../../scripts/book/lib/normalise.js';

describe('normaliseOutput', () => {
  test('replaces ids and times with the placeholders the book shows', () => {
    const raw = '{"driverId":"3F2504E0-4F89-41D3-9A0C-0305E82C3301","rideId":"ride-1","createdAt":"2025-11-24T15:04:05.123Z"}\n';
    assert.deepEqual(normaliseOutput(raw), ['{"driverId":"<uuid>","rideId":"ride-1","createdAt":"<timestamp>"}', '']);
  });

  test('with a window, replaces only the times the run produced, not fixed ones such as sample data', () => {
    const window = { from: Date.parse('2026-11-24T16:00:00Z'), to: Date.parse('2026-11-24T16:20:00Z') };
    const raw = '{"createdAt":"2026-11-24T16:05:01.002Z"} {"createdAt":"2026-11-02T08:15:00.000Z"}\nDate: Tue, 24 Nov 2026 16:05:01 GMT';
    assert.deepEqual(normaliseOutput(raw, { window }), ['{"createdAt":"<timestamp>"} {"createdAt":"2026-11-02T08:15:00.000Z"}', 'Date: <date>']);
  });

  test('normalises HTTP headers that change per request', () => {
    const raw = [
      'HTTP/1.1 201 Created',
      'content-type: application/json',
      'x-amzn-RequestId: 6f1b9c1e-63f1-4c0e-9d77-1e0a0c0b8e2a',
      'x-amz-apigw-id: Bq3x7FJXoAMEbXg=',
      'X-Amzn-Trace-Id: Root=1-67432f1b-0123456789abcdef01234567',
      'date: Mon, 24 Nov 2025 15:04:05 GMT',
      'content-length: 85',
    ].join('\r\n');
    assert.deepEqual(normaliseOutput(raw), [
      'HTTP/1.1 201 Created',
      'content-type: application/json',
      'x-amzn-RequestId: <request-id>',
      'x-amz-apigw-id: <request-id>',
      'X-Amzn-Trace-Id: <request-id>',
      'date: <date>',
      'content-length: 85',
    ]);
  });

  test('normalises request ids and durations in Lambda logs and test runners', () => {
    assert.deepEqual(normaliseOutput('END RequestId: c0ffee12-aaaa-bbbb-cccc-0123456789ab\nDuration: 12.34 ms  Billed Duration: 13 ms\n✓ averages (3 ms)\nTime: 1.234 s\nService deployed (45s)'), [
      'END RequestId: <request-id>',
      'Duration: <duration>  Billed Duration: <duration>',
      '✓ averages (<duration>)',
      'Time: <duration>',
      'Service deployed (<duration>)',
    ]);
    assert.deepEqual(normaliseOutput('{"awsRequestId":"ckz1y2x3w4v5"}'), ['{"awsRequestId":"<request-id>"}']);
    // Jest estimates only when it has timings from an earlier run.
    assert.deepEqual(normaliseOutput('Time:        3.204 s, estimated 4 s'), ['Time:        <duration>']);
  });

  test('leaves numbers without a unit alone', () => {
    assert.deepEqual(normaliseOutput('{"stars":5,"ratingCount":12,"averageRating":4.67}'), ['{"stars":5,"ratingCount":12,"averageRating":4.67}']);
  });

  test("maps the stack's real port back to 3000, and paths to <repo> and ~", () => {
    const out = normaliseOutput('ready at http://localhost:43121/dev and 127.0.0.1:43121\n/work/main/chapters-code/x.ts /home/ana/.npm 43121', {
      port: 43121,
      root: '/work/main',
      home: '/home/ana',
    });
    assert.deepEqual(out, ['ready at http://localhost:3000/dev and 127.0.0.1:3000', '<repo>/chapters-code/x.ts ~/.npm 43121']);
  });

  test('strips colours and npm notices that depend on the machine', () => {
    const raw = '\u001b[32m✔\u001b[39m done   \nnpm warn Unknown user config "nodedir".\nnpm notice New major version of npm available!\n';
    assert.deepEqual(normaliseOutput(raw), ['✔ done', '']);
  });

  test('is idempotent: normalising a normalised output changes nothing', () => {
    const once = normaliseOutput('x-amzn-RequestId: abc-123-def\n{"at":"2025-01-01T00:00:00Z","id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","took":"5 ms"}');
    assert.deepEqual(normaliseOutput(once.join('\n')), once);
  });
});

describe('rewriteCommand', () => {
  test('points localhost:3000 at the real port', () => {
    assert.equal(rewriteCommand('curl -s localhost:3000/drivers http://127.0.0.1:3000/x localhost:30001', 41000), 'curl -s localhost:41000/drivers http://127.0.0.1:41000/x localhost:30001');
    assert.equal(rewriteCommand('curl localhost:3000', undefined), 'curl localhost:3000');
  });
});

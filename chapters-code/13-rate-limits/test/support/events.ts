import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEvent } from 'aws-lambda';

/** The sample events in events/, one per route, as API Gateway sends them on a stage's URL. */
export type SampleEvent = 'create-driver' | 'get-driver' | 'create-rating' | 'list-ratings' | 'top-drivers';

/** A sample event, with `overrides` on top: the fields a test is about. */
export function sampleEvent(name: SampleEvent, overrides: Partial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  const event = JSON.parse(readFileSync(join(__dirname, '..', '..', 'events', `${name}.json`), 'utf8')) as APIGatewayProxyEvent;
  return { ...event, ...overrides };
}

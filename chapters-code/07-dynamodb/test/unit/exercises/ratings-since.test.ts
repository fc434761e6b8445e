import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../src/aws/dynamodb';
import { listRatingsSince, normaliseSince, sinceCondition } from '../../../exercises/ratings-since';

const dynamo = mockClient(DynamoDBDocumentClient);
beforeEach(() => dynamo.reset());

describe('exercise: ratings since a time', () => {
  it('spells the time as the sort keys do, and refuses what is not a time', () => {
    expect(normaliseSince('2026-11-02')).toBe('2026-11-02T00:00:00.000Z');
    expect(normaliseSince('2026-11-02T09:00:00+01:00')).toBe('2026-11-02T08:00:00.000Z');
    expect(normaliseSince('yesterday')).toBeUndefined();
  });

  it('selects later ratings only, and never the profile', () => {
    // DynamoDB compares string sort keys byte by byte, as JavaScript compares ASCII text.
    const bound = sinceCondition('d-1', '2026-11-02T08:00:00.000Z').ExpressionAttributeValues[':after'];
    const sortKeys = [
      'PROFILE',
      'RATING#2026-11-01T23:59:59.999Z#ride-1',
      'RATING#2026-11-02T08:00:00.000Z#ride-2',
      'RATING#2026-11-05T10:00:00.000Z#ride-3',
    ];
    expect(sortKeys.filter((sk) => sk > bound)).toEqual(sortKeys.slice(2));
  });

  it('puts the bound in the key condition, so older ratings are never read', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    await listRatingsSince(createDocumentClient(), 'ratings', 'd-1', '2026-11-02T08:00:00.000Z');
    const input = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input.KeyConditionExpression).toBe('pk = :pk AND sk > :after');
    expect(input.FilterExpression).toBeUndefined();
    expect(input.ScanIndexForward).toBe(false);
  });
});

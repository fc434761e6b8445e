import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { RideAlreadyRatedError } from '../../src/domain/errors';
import { createDocumentClient } from '../../src/aws/dynamodb';
import { DynamoDbRatingsStore } from '../../src/store/dynamodb-store';

const dynamo = mockClient(DynamoDBDocumentClient);
const store = new DynamoDbRatingsStore(createDocumentClient(), 'ratings');

beforeEach(() => dynamo.reset());

describe('DynamoDbRatingsStore', () => {
  it('writes a driver under its profile key, never overwriting', async () => {
    dynamo.on(PutCommand).resolves({});
    await store.putDriver({ driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: 't0' });
    const input = dynamo.commandCalls(PutCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      TableName: 'ratings',
      Item: { pk: 'DRIVER#d-1', sk: 'PROFILE', type: 'driver', name: 'Amara' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  const rating = { driverId: 'd-1', rideId: 'r-9', stars: 4, comment: null, createdAt: '2026-11-02T10:00:00.000Z' };

  it('claims the ride first, then keys the rating by time and ride inside the driver partition', async () => {
    dynamo.on(PutCommand).resolves({});
    await store.putRating(rating);
    const [guard, stored] = dynamo.commandCalls(PutCommand).map((call) => call.args[0].input);
    expect(guard).toMatchObject({ Item: { pk: 'RIDE#r-9', sk: 'RIDE' }, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(stored!.Item).toMatchObject({ pk: 'DRIVER#d-1', sk: 'RATING#2026-11-02T10:00:00.000Z#r-9' });
  });

  it('refuses a ride rated before, writing no rating', async () => {
    dynamo.on(PutCommand).rejectsOnce(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    await expect(store.putRating(rating)).rejects.toBeInstanceOf(RideAlreadyRatedError);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('returns undefined for a driver that is not there', async () => {
    dynamo.on(GetCommand).resolves({});
    await expect(store.getDriver('nobody')).resolves.toBeUndefined();
  });

  it('follows LastEvaluatedKey through every page, newest first', async () => {
    const rating = (rideId: string) => ({ driverId: 'd-1', rideId, stars: 5, createdAt: 't' });
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [rating('r-2')], LastEvaluatedKey: { pk: 'x', sk: 'y' } })
      .resolvesOnce({ Items: [rating('r-1')] });
    const ratings = await store.listRatings('d-1');
    expect(ratings.map((r) => r.rideId)).toEqual(['r-2', 'r-1']);
    expect(ratings[0]!.comment).toBeNull();
    const calls = dynamo.commandCalls(QueryCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input.ScanIndexForward).toBe(false);
    expect(calls[1]!.args[0].input.ExclusiveStartKey).toEqual({ pk: 'x', sk: 'y' });
  });
});

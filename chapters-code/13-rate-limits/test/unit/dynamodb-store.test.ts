import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { DriverNotFoundError, RatingLimitReachedError, RideAlreadyRatedError } from '../../src/domain/errors';
import { createDocumentClient } from '../../src/aws/dynamodb';
import { DynamoDbRatingsStore } from '../../src/store/dynamodb-store';
import { InvalidPagePositionError } from '../../src/store/ratings-store';
import { isStoreUnavailable } from '../../src/store/unavailable';

const dynamo = mockClient(DynamoDBDocumentClient);
const sleep = jest.fn(async () => undefined);
const store = new DynamoDbRatingsStore(createDocumentClient(), 'ratings', { maxAttempts: 3, sleep });
const rating = { driverId: 'd-1', rideId: 'r-9', stars: 4, comment: null, createdAt: '2026-11-02T10:00:00.000Z' };
const allowance = { rider: 'rider-7', perDay: 10 };

/** A cancelled transaction, with one reason code per action: summary, ride guard, rating, rider's count. */
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

beforeEach(() => {
  dynamo.reset();
  sleep.mockClear();
  // The rank refresh after each rating: a consistent read, then a conditional update.
  dynamo.on(GetCommand).resolves({ Item: { ratingCount: 3, ratingTotal: 13 } });
  dynamo.on(UpdateCommand).resolves({});
});

describe('DynamoDbRatingsStore', () => {
  it('writes a new driver with an empty summary, never overwriting', async () => {
    dynamo.on(PutCommand).resolves({});
    await store.putDriver({ driverId: 'd-1', name: 'Amara', city: 'Lisbon', createdAt: 't0', ratingCount: 0, ratingTotal: 0 });
    expect(dynamo.commandCalls(PutCommand)[0]!.args[0].input).toMatchObject({
      Item: { pk: 'DRIVER#d-1', sk: 'PROFILE', cityKey: 'CITY#lisbon', ratingCount: 0, ratingTotal: 0 },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('reads a driver and their summary with one GetItem', async () => {
    dynamo.on(GetCommand).resolves({
      Item: { pk: 'DRIVER#d-1', sk: 'PROFILE', driverId: 'd-1', name: 'A', city: 'B', createdAt: 't', ratingCount: 2, ratingTotal: 9 },
    });
    await expect(store.getDriver('d-1')).resolves.toMatchObject({ ratingCount: 2, ratingTotal: 9 });
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(1);
  });

  // #region transaction-test
  it("adds a rating in one transaction: summary, ride guard, rating, rider's count", async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.addRating(rating, allowance);
    const [summary, guard, stored, riderCount] = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(summary!.Update).toMatchObject({
      Key: { pk: 'DRIVER#d-1', sk: 'PROFILE' },
      UpdateExpression: 'ADD ratingCount :one, ratingTotal :stars',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1, ':stars': 4 },
    });
    expect(guard!.Put).toMatchObject({ Item: { pk: 'RIDE#r-9', sk: 'RIDE' }, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(stored!.Put!.Item).toMatchObject({ pk: 'DRIVER#d-1', sk: 'RATING#2026-11-02T10:00:00.000Z#r-9', stars: 4 });
    expect(riderCount!.Update).toEqual({
      TableName: 'ratings',
      Key: { pk: 'RIDER#rider-7', sk: 'RATED#2026-11-02' },
      UpdateExpression: 'ADD rated :one SET expiresAt = :expiresAt',
      ConditionExpression: 'attribute_not_exists(rated) OR rated < :perDay',
      // Midnight UTC ending 2 November 2026, plus a day, in seconds.
      ExpressionAttributeValues: { ':one': 1, ':perDay': 10, ':expiresAt': Date.UTC(2026, 10, 4) / 1000 },
    });
  });

  it.each([
    ['an unknown driver', ['ConditionalCheckFailed', 'None', 'None'], DriverNotFoundError],
    ['a ride rated before', ['None', 'ConditionalCheckFailed', 'None'], RideAlreadyRatedError],
    ['both: the driver comes first', ['ConditionalCheckFailed', 'ConditionalCheckFailed', 'None'], DriverNotFoundError],
    ["a rider over the day's cap", ['None', 'None', 'None', 'ConditionalCheckFailed'], RatingLimitReachedError],
    ['a ride rated before by a rider over the cap: nothing to retry, so 409', ['None', 'ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'], RideAlreadyRatedError],
  ])('tells %s apart by its cancellation reasons', async (_label, codes, expected) => {
    dynamo.on(TransactWriteCommand).rejects(cancelled(...codes));
    await expect(store.addRating(rating, allowance)).rejects.toBeInstanceOf(expected);
  });
  // #endregion transaction-test

  it('says when a rider over the cap may rate again: the next midnight UTC', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'None', 'ConditionalCheckFailed'));
    const failure = (await store.addRating(rating, allowance).catch((error: unknown) => error)) as RatingLimitReachedError;
    expect(failure.resetsAt.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    expect(failure.perDay).toBe(10);
  });

  it('retries a transaction that met another one', async () => {
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict', 'None', 'None')).resolves({});
    await store.addRating(rating, allowance);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it('gives up after its attempts, with an error that means "try later"', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None', 'None'));
    const failure = await store.addRating(rating, allowance).catch((error: unknown) => error);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
    expect(isStoreUnavailable(failure)).toBe(true);
  });

  it('answers a throttled transaction at once, leaving the retry to the client', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ThrottlingError', 'None', 'None'));
    const failure = await store.addRating(rating, allowance).catch((error: unknown) => error);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(isStoreUnavailable(failure)).toBe(true);
  });

  it('then refreshes the leaderboard key, unless a newer rating landed in between', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store.addRating(rating, allowance);
    expect(dynamo.commandCalls(GetCommand)[0]!.args[0].input.ConsistentRead).toBe(true);
    expect(dynamo.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      UpdateExpression: 'SET rankKey = :rank',
      ConditionExpression: 'ratingCount = :count',
      ExpressionAttributeValues: { ':rank': '433#0000000003', ':count': 3 },
    });
  });

  it('keeps a stored rating stored when the rank refresh fails', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    dynamo.on(TransactWriteCommand).resolves({});
    dynamo.on(UpdateCommand).rejects(new Error('throttled'));
    await expect(store.addRating(rating, allowance)).resolves.toBeUndefined();
    dynamo.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'newer rating', $metadata: {} }));
    await expect(store.addRating(rating, allowance)).resolves.toBeUndefined();
  });

  // #region page-test
  it('reads one rating more than the page, to know whether another page follows', async () => {
    const item = (n: number) => ({ pk: 'DRIVER#d-1', sk: `RATING#t${n}#r-${n}`, driverId: 'd-1', rideId: `r-${n}`, stars: 5, createdAt: `t${n}` });
    dynamo.on(QueryCommand).resolves({ Items: [item(3), item(2), item(1)] });
    const page = await store.listRatings('d-1', { limit: 2, after: 'RATING#t4#r-4' });
    expect(page.items.map((r) => r.rideId)).toEqual(['r-3', 'r-2']);
    // A position is the sort key of the page's last rating; the driver's partition comes from the request.
    expect(page.next).toBe('RATING#t2#r-2');
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      Limit: 3,
      ScanIndexForward: false,
      ExclusiveStartKey: { pk: 'DRIVER#d-1', sk: 'RATING#t4#r-4' },
    });
  });

  it.each(['PROFILE', 'RATING#t1', 'RATING#t1#r 1', ''])('refuses the position %j before asking DynamoDB', async (after) => {
    await expect(store.listRatings('d-1', { limit: 2, after })).rejects.toBeInstanceOf(InvalidPagePositionError);
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('says nothing follows the last page', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ driverId: 'd-1', rideId: 'r-1', stars: 5, createdAt: 't1' }] });
    expect((await store.listRatings('d-1', { limit: 2 })).next).toBeUndefined();
  });
  // #endregion page-test

  it('reads a leaderboard from the city index, best first', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [{ driverId: 'd-1', name: 'A', city: 'Lisbon', ratingCount: 3, ratingTotal: 13 }] });
    await expect(store.topDrivers('LISBON', 5)).resolves.toEqual([{ driverId: 'd-1', name: 'A', city: 'Lisbon', ratingCount: 3, ratingTotal: 13 }]);
    expect(dynamo.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      IndexName: 'by-city',
      ExpressionAttributeValues: { ':city': 'CITY#lisbon' },
      ScanIndexForward: false,
      Limit: 5,
    });
  });
});

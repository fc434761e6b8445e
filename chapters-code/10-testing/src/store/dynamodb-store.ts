import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { DriverRecord } from '../domain/drivers';
import { DriverNotFoundError, RideAlreadyRatedError } from '../domain/errors';
import type { Rating } from '../domain/ratings';
import type { RatingsStore } from './ratings-store';

// #region keys
// The driver's item holds the profile and the running summary: one read answers GET /drivers/{id}.
export const driverKey = (driverId: string) => ({ pk: `DRIVER#${driverId}`, sk: 'PROFILE' });
// ISO 8601 timestamps sort as text in time order, so the sort key orders ratings by time.
export const ratingKey = (rating: Pick<Rating, 'driverId' | 'createdAt' | 'rideId'>) => ({
  pk: `DRIVER#${rating.driverId}`,
  sk: `RATING#${rating.createdAt}#${rating.rideId}`,
});
// One small item per rated ride, whoever the driver: "rated once" becomes a condition on one key.
export const rideKey = (rideId: string) => ({ pk: `RIDE#${rideId}`, sk: 'RIDE' });
// #endregion keys

export interface StoreOptions {
  /** How many times to try a transaction that collided with another one. */
  maxAttempts?: number;
  /** Waits between attempts; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The codes of a cancelled transaction, one per action, in the order the actions were sent. */
const reasonCodes = (error: TransactionCanceledException): string[] =>
  (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');

export class DynamoDbRatingsStore implements RatingsStore {
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: StoreOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.sleep = options.sleep ?? wait;
  }

  // #region put-driver
  async putDriver(driver: DriverRecord): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...driverKey(driver.driverId), type: 'driver', ...driver },
        // Never overwrite: a second driver with the same id would be a bug.
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
  // #endregion put-driver

  // #region get-driver
  async getDriver(driverId: string): Promise<DriverRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: driverKey(driverId) }));
    if (!Item) return undefined;
    const { name, city, createdAt, ratingCount, ratingTotal } = Item;
    return { driverId, name, city, createdAt, ratingCount, ratingTotal };
  }
  // #endregion get-driver

  // #region transaction
  /**
   * One transaction, three writes: all happen or none does. The summary update
   * doubles as the check that the driver exists, and the ride's guard as the check
   * that the ride is rated once. ADD increments on the server, so concurrent ratings
   * never overwrite each other's counts.
   */
  private transaction(rating: Rating): TransactWriteCommand {
    return new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: driverKey(rating.driverId),
            UpdateExpression: 'ADD ratingCount :one, ratingTotal :stars',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':one': 1, ':stars': rating.stars },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...rideKey(rating.rideId), type: 'ride', driverId: rating.driverId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: this.tableName, Item: { ...ratingKey(rating), type: 'rating', ...rating } } },
      ],
    });
  }
  // #endregion transaction

  // #region add-rating
  /**
   * A cancelled transaction says why, action by action, in CancellationReasons.
   * A failed condition is the client's problem (404 or 409); a TransactionConflict
   * means another transaction held the driver's summary at that moment, which is
   * normal when riders rate one driver at once: wait a random, growing while and retry.
   */
  async addRating(rating: Rating): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(this.transaction(rating));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [summary, ride] = reasonCodes(error);
        if (summary === 'ConditionalCheckFailed') throw new DriverNotFoundError(rating.driverId);
        if (ride === 'ConditionalCheckFailed') throw new RideAlreadyRatedError(rating.rideId);
        const conflict = reasonCodes(error).includes('TransactionConflict');
        // Out of attempts, or cancelled for another reason (throttling): handle() answers 503.
        if (!conflict || attempt >= this.maxAttempts) throw error;
        await this.sleep(Math.random() * Math.min(1000, 20 * 2 ** attempt));
      }
    }
  }
  // #endregion add-rating

  // #region list-ratings
  async listRatings(driverId: string): Promise<Rating[]> {
    const ratings: Rating[] = [];
    let startKey: QueryCommandOutput['LastEvaluatedKey'];
    // A Query returns at most 1 MB per call; follow LastEvaluatedKey until the end.
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rating)',
          ExpressionAttributeValues: { ':pk': `DRIVER#${driverId}`, ':rating': 'RATING#' },
          ScanIndexForward: false, // newest first
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        ratings.push({
          driverId: item.driverId,
          rideId: item.rideId,
          stars: item.stars,
          comment: item.comment ?? null,
          createdAt: item.createdAt,
        });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return ratings;
  }
  // #endregion list-ratings
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { Driver } from '../domain/drivers';
import { RideAlreadyRatedError } from '../domain/errors';
import type { Rating } from '../domain/ratings';
import type { RatingsStore } from './ratings-store';

// #region keys
// One small item per rated ride, whoever the driver: "rated once" becomes a condition on one key.
const rideKey = (rideId: string) => ({ pk: `RIDE#${rideId}`, sk: 'RIDE' });
const driverKey = (driverId: string) => ({ pk: `DRIVER#${driverId}`, sk: 'PROFILE' });
// ISO 8601 timestamps sort as text in time order, so the sort key orders ratings by time.
const ratingKey = (rating: Rating) => ({
  pk: `DRIVER#${rating.driverId}`,
  sk: `RATING#${rating.createdAt}#${rating.rideId}`,
});
// #endregion keys

export class DynamoDbRatingsStore implements RatingsStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  // #region put-driver
  async putDriver(driver: Driver): Promise<void> {
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

  async getDriver(driverId: string): Promise<Driver | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: driverKey(driverId) }),
    );
    if (!Item) return undefined;
    return { driverId: Item.driverId, name: Item.name, city: Item.city, createdAt: Item.createdAt };
  }

  // #region put-rating
  /**
   * Two writes. First a guard item for the ride, which exists once per ride and only
   * if nobody wrote it before (a condition DynamoDB checks atomically, however many
   * requests race); then the rating itself. Why not one write: the rating's key starts
   * with the time, so two ratings of one ride would have different keys and never clash.
   * The cost of two writes: if the second one fails, the ride counts as rated without a
   * rating. Chapter 09 closes that gap by putting both writes in one transaction.
   */
  async putRating(rating: Rating): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...rideKey(rating.rideId), type: 'ride', driverId: rating.driverId },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new RideAlreadyRatedError(rating.rideId);
      throw error;
    }
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...ratingKey(rating), type: 'rating', ...rating } }),
    );
  }
  // #endregion put-rating

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

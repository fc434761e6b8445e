import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { averageRating, type DriverRecord } from '../domain/drivers';
import { DriverNotFoundError, RatingLimitReachedError, RideAlreadyRatedError } from '../domain/errors';
import { type RiderAllowance, startOfNextUtcDay, utcDay } from '../domain/limits';
import type { Rating } from '../domain/ratings';
import { InvalidPagePositionError, type PagePosition, type RatingsPage, type RatingsStore } from './ratings-store';

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
// One small item per rider and UTC day, counting the rides they rated that day.
export const riderDayKey = (rider: string, day: string) => ({ pk: `RIDER#${rider}`, sk: `RATED#${day}` });
// #endregion keys

// #region leaderboard-keys
/**
 * The keys of the city leaderboard, a global secondary index over the driver items.
 * Its partition key groups a city's drivers, whatever case the city was written in.
 * Its sort key is text that sorts as the leaderboard should: the average in
 * hundredths, three digits ("433" for 4.33), then the count, ten digits, so that
 * "433#0000000012" comes after "433#0000000007" and both after "432#...". Read
 * backwards (ScanIndexForward false), the index gives the best drivers first, the
 * most-rated first among equals. A driver without ratings has no rank key, and so
 * is not in the index at all (a sparse index): the leaderboard lists rated drivers.
 */
export const leaderboardIndex = 'by-city';

export const cityKey = (city: string): string => `CITY#${city.trim().normalize('NFC').toLowerCase()}`;

export function rankKey(count: number, total: number): string | undefined {
  const average = averageRating(count, total);
  if (average === null) return undefined;
  const hundredths = String(Math.round(average * 100)).padStart(3, '0');
  return `${hundredths}#${String(count).padStart(10, '0')}`;
}
// #endregion leaderboard-keys

// #region page-positions
/**
 * A page of a driver's ratings stops at a rating, and its position is that rating's
 * sort key. The partition key is not in it: it is the driver's, from the request, so
 * a position can never lead into another partition. Anything but a rating's sort key
 * is refused before DynamoDB sees it.
 */
const positionAfter = (rating: Rating): PagePosition => ratingKey(rating).sk;

function startKeyAt(driverId: string, position: PagePosition): Record<string, string> {
  if (!/^RATING#[^#]{1,40}#[A-Za-z0-9_-]{1,64}$/.test(position)) throw new InvalidPagePositionError();
  return { pk: driverKey(driverId).pk, sk: position };
}
// #endregion page-positions

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
        Item: { ...driverKey(driver.driverId), type: 'driver', cityKey: cityKey(driver.city), ...driver },
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
   * One transaction, four writes: all happen or none does. The summary update
   * doubles as the check that the driver exists, and the ride's guard as the check
   * that the ride is rated once. ADD increments on the server, so concurrent ratings
   * never overwrite each other's counts. The fourth write is the rider's count for the
   * day (chapter 13), below.
   */
  private transaction(rating: Rating, allowance: RiderAllowance): TransactWriteCommand {
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
        this.riderCount(rating, allowance),
      ],
    });
  }
  // #endregion transaction

  // #region rider-count
  /**
   * The rider's count for the rating's day goes up by one, on condition that it is below
   * the cap: one conditional write, checked and applied by DynamoDB as one step, so no
   * number of concurrent requests can take the count past the cap. Inside the transaction,
   * a rating that is refused for another reason (404, 409) is not counted, and a rating
   * refused by the cap is not stored. The item expires a day after its day ends.
   */
  private riderCount(rating: Rating, allowance: RiderAllowance) {
    const day = new Date(rating.createdAt);
    const expiresAt = Math.floor(startOfNextUtcDay(day).getTime() / 1000) + 24 * 3600;
    return {
      Update: {
        TableName: this.tableName,
        Key: riderDayKey(allowance.rider, utcDay(day)),
        UpdateExpression: 'ADD rated :one SET expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(rated) OR rated < :perDay',
        ExpressionAttributeValues: { ':one': 1, ':perDay': allowance.perDay, ':expiresAt': expiresAt },
      },
    };
  }
  // #endregion rider-count

  // #region add-rating
  /**
   * A cancelled transaction says why, action by action, in CancellationReasons.
   * A failed condition is the client's problem (404 or 409); a TransactionConflict
   * means another transaction held the driver's summary at that moment, which is
   * normal when riders rate one driver at once: wait a random, growing while and retry.
   */
  async addRating(rating: Rating, allowance: RiderAllowance): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(this.transaction(rating, allowance));
        break;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [summary, ride, , riderCount] = reasonCodes(error);
        if (summary === 'ConditionalCheckFailed') throw new DriverNotFoundError(rating.driverId);
        if (ride === 'ConditionalCheckFailed') throw new RideAlreadyRatedError(rating.rideId);
        if (riderCount === 'ConditionalCheckFailed') {
          throw new RatingLimitReachedError(allowance.perDay, startOfNextUtcDay(new Date(rating.createdAt)));
        }
        const conflict = reasonCodes(error).includes('TransactionConflict');
        // Out of attempts, or cancelled for another reason (throttling): handle() answers 503.
        if (!conflict || attempt >= this.maxAttempts) throw error;
        await this.sleep(Math.random() * Math.min(1000, 20 * 2 ** attempt));
      }
    }
    // #region after-transaction
    await this.refreshRank(rating.driverId).catch((error: unknown) => {
      // The rating is stored; the next one to land refreshes the rank. Answering 5xx
      // now would make the client retry, and meet a 409 for a rating that was taken.
      console.warn(JSON.stringify({ level: 'warn', message: 'rank not refreshed', driverId: rating.driverId, error: String(error) }));
    });
    // #endregion after-transaction
  }
  // #endregion add-rating

  // #region refresh-rank
  /**
   * Sets the driver's leaderboard key from their count and total. It cannot be part
   * of the transaction: ADD computes the new count on the server, and the key needs
   * it. So: read the summary (a strongly consistent read sees every transaction
   * before it), then write the key on condition that no rating landed in between.
   * If one did, the condition fails, and that rating's own refresh, reading later,
   * sets a fresher key. A stale key can never overwrite a newer one.
   */
  private async refreshRank(driverId: string): Promise<void> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: driverKey(driverId), ConsistentRead: true, ProjectionExpression: 'ratingCount, ratingTotal' }),
    );
    if (!Item) return;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: driverKey(driverId),
          UpdateExpression: 'SET rankKey = :rank',
          ConditionExpression: 'ratingCount = :count',
          ExpressionAttributeValues: { ':rank': rankKey(Item.ratingCount, Item.ratingTotal), ':count': Item.ratingCount },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  // #endregion refresh-rank

  // #region list-ratings
  /**
   * Asks for one item more than the page holds: if it comes, there is a next page,
   * and it starts after the page's last item. So the last page says so itself,
   * instead of handing out a cursor to an empty page, as DynamoDB's own
   * LastEvaluatedKey does when a page ends exactly at the end of the list.
   */
  async listRatings(driverId: string, page: { limit: number; after?: PagePosition }): Promise<RatingsPage> {
    const startKey = page.after === undefined ? undefined : startKeyAt(driverId, page.after);
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rating)',
        ExpressionAttributeValues: { ':pk': driverKey(driverId).pk, ':rating': 'RATING#' },
        ScanIndexForward: false, // newest first
        Limit: page.limit + 1,
        ExclusiveStartKey: startKey,
      }),
    );
    const items = Items.slice(0, page.limit).map(
      (item): Rating => ({
        driverId: item.driverId,
        rideId: item.rideId,
        stars: item.stars,
        comment: item.comment ?? null,
        createdAt: item.createdAt,
      }),
    );
    const last = items.at(-1);
    return Items.length > page.limit && last ? { items, next: positionAfter(last) } : { items };
  }
  // #endregion list-ratings

  // #region top-drivers
  /**
   * The leaderboard: one Query on the city's partition of the index, read backwards.
   * A global secondary index is updated asynchronously, usually within a second:
   * a rating may take that long to move its driver here, though GET /drivers/{id}
   * shows it at once.
   */
  async topDrivers(city: string, limit: number): Promise<Array<Omit<DriverRecord, 'createdAt'>>> {
    const { Items = [] } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: leaderboardIndex,
        KeyConditionExpression: 'cityKey = :city',
        ExpressionAttributeValues: { ':city': cityKey(city) },
        ScanIndexForward: false, // best first
        Limit: limit,
      }),
    );
    return Items.map(({ driverId, name, city: driverCity, ratingCount, ratingTotal }) => ({
      driverId, name, city: driverCity, ratingCount, ratingTotal,
    }));
  }
  // #endregion top-drivers
}

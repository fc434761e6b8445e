// Exercise 1 of chapter 7, answered: the store's side of `?since=`. A reader's version is a
// method of DynamoDbRatingsStore in src/store/dynamodb-store.ts, next to listRatings; this
// copy sits outside src/ so it is never deployed.
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Rating } from '../src/domain/ratings';

// #region since-bound
/**
 * The time as the sort keys spell it (toISOString), or undefined when it is not a time.
 * "2026-11-02" and "2026-11-02T09:00:00+01:00" both become "2026-11-02T08:00:00.000Z"-style
 * text, so the comparison below is a comparison of instants.
 */
export function normaliseSince(since: string): string | undefined {
  const time = Date.parse(since);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The key condition: every rating sort key after RATING#<since>, in the driver's partition. */
export const sinceCondition = (driverId: string, since: string) => ({
  KeyConditionExpression: 'pk = :pk AND sk > :after',
  ExpressionAttributeValues: { ':pk': `DRIVER#${driverId}`, ':after': `RATING#${since}` },
});
// #endregion since-bound

/** Ratings created at or after `since` (already normalised), newest first, every page. */
export async function listRatingsSince(
  client: DynamoDBDocumentClient,
  tableName: string,
  driverId: string,
  since: string,
): Promise<Rating[]> {
  const ratings: Rating[] = [];
  let startKey: QueryCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        ...sinceCondition(driverId, since),
        ScanIndexForward: false,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const { rideId, stars, comment, createdAt } = item;
      ratings.push({ driverId, rideId, stars, comment: comment ?? null, createdAt });
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return ratings;
}

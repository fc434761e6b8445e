// Exercise 2 of chapter 9, answered: the transaction behind PUT /drivers/{driverId}/ratings/{rideId}.
// A reader's version is a method of DynamoDbRatingsStore in src/store/dynamodb-store.ts, next to
// the rating's own transaction; this copy sits outside src/ so it is never deployed.
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { driverKey, ratingKey } from '../src/store/dynamodb-store';

/** A rating as it was read, and the stars the rider wants instead. */
export interface Correction {
  driverId: string;
  rideId: string;
  /** Part of the rating's sort key: kept on the ride's guard item, so one GetItem finds it. */
  createdAt: string;
  oldStars: number;
  newStars: number;
}

// #region correction
/**
 * Two writes, all or nothing. The rating changes only if it still has the stars we read,
 * and the summary moves by the difference: 5 → 3 adds -2 to ratingTotal, ratingCount stays.
 * A second correction that read the same old stars fails its condition instead of
 * applying its difference on top: it must read the rating again and recompute.
 */
export function correctionTransaction(tableName: string, correction: Correction): TransactWriteCommandInput {
  const { driverId, oldStars, newStars } = correction;
  return {
    TransactItems: [
      {
        Update: {
          TableName: tableName,
          Key: ratingKey(correction),
          UpdateExpression: 'SET stars = :new',
          ConditionExpression: 'stars = :old',
          ExpressionAttributeValues: { ':new': newStars, ':old': oldStars },
        },
      },
      {
        Update: {
          TableName: tableName,
          Key: driverKey(driverId),
          UpdateExpression: 'ADD ratingTotal :difference',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':difference': newStars - oldStars },
        },
      },
    ],
  };
}
// #endregion correction

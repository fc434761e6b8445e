import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbRatingsStore } from '../store/dynamodb-store';
import type { RatingsStore } from '../store/ratings-store';

/**
 * The AWS clients live in src/aws/, one file per service, so that each function's
 * bundle loads only the clients it uses. Each is created once per Lambda instance,
 * when a handler module loads, and reused by every request that instance serves.
 */

// #region client
/**
 * The endpoint comes from the environment: AWS in the cloud, DynamoDB Local under
 * `npm run dev` (which sets AWS_ENDPOINT_URL_DYNAMODB).
 */
export function createDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
// #endregion client

// #region store
/** The store every handler uses, built once when the Lambda instance starts. */
export function storeFromEnvironment(): RatingsStore {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) {
    throw new Error('TABLE_NAME is not set; serverless.yml sets it for every function');
  }
  return new DynamoDbRatingsStore(createDocumentClient(), tableName);
}
// #endregion store

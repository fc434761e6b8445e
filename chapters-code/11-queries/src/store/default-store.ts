import { createDocumentClient, DynamoDbRatingsStore } from './dynamodb-store';

/** The store every handler uses, built once when the Lambda instance starts. */
export function storeFromEnvironment(): DynamoDbRatingsStore {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) {
    throw new Error('TABLE_NAME is not set; serverless.yml sets it for every function');
  }
  return new DynamoDbRatingsStore(createDocumentClient(), tableName);
}

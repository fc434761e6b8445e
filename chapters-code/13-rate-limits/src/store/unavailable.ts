// #region unavailable
/**
 * DynamoDB errors that say "not now" rather than "never": throttling, a service-side
 * fault, or no connection at all. The SDK retries throttling and service faults itself
 * (three attempts with backoff, by default) before we see them, but not a transaction
 * cancelled for throttling or a conflict. Either way, the client may try again a little later.
 */
const unavailableNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError', // the SDK's own request timeout
  'TransactionConflictException', // a single write that met a transaction on its item
  'TransactionInProgressException',
]);

/** Why a transaction may be cancelled for now, not for good. */
const temporaryCancellations = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/** Node's socket errors, which the SDK passes on with their `code`. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

export function isStoreUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, CancellationReasons } = error as {
    name?: unknown;
    code?: unknown;
    CancellationReasons?: Array<{ Code?: string }>;
  };
  if (name === 'TransactionCanceledException') {
    return (CancellationReasons ?? []).some((reason) => temporaryCancellations.has(reason.Code ?? ''));
  }
  return (typeof name === 'string' && unavailableNames.has(name)) || (typeof code === 'string' && networkCodes.has(code));
}
// #endregion unavailable

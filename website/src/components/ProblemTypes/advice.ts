/**
 * What a client should do about each problem type. Types a later chapter adds fall back to the
 * advice for their status class, so a new type always gets a page, if a plainer one.
 */
const BY_TYPE: Record<string, string> = {
  'body-missing': 'Send the request again with a JSON body.',
  'invalid-json': 'Send the body as valid JSON: check quoting, commas and brackets, and that nothing else precedes or follows the object.',
  validation:
    'Correct the fields listed in `errors` and send the request again. Each entry has a `pointer`, a JSON Pointer to the field in the body (`/stars`), and a `detail` that says what is wrong with it.',
  'invalid-parameter':
    'Correct the parameters listed in `errors` and send the request again. Each entry names the `parameter` and says what is wrong with it.',
  'invalid-cursor':
    'Start the list again without a `cursor`, then follow the `next` cursors the API returns. Cursors are opaque: a client must pass them back exactly as received, for the same list.',
  'driver-not-found': 'Check the driver id in the path. A driver must be created with `POST /drivers` before it can be rated.',
  'route-not-found': 'Check the method and the path against the API\'s routes; the answer is the same for both an unknown path and a known path with the wrong method.',
  'ride-already-rated':
    'Do not retry: the ride already has its rating, and a ride can be rated only once. When a retried request gets this answer, the first attempt most likely succeeded.',
  'body-too-large': 'Send a smaller body. No valid request comes near the limit.',
  'unsupported-media-type': 'Send the body with the header `Content-Type: application/json`.',
  'not-authenticated':
    'Get a fresh token and send it as `Authorization: Bearer <token>`. The answer is the same for a missing, malformed, expired or forged token, on purpose: it tells an attacker nothing. Sending the same token again gets the same answer.',
  'invalid-api-key':
    'Send your partner API key in the `x-api-key` header. If you did, the key is unknown or withdrawn: ask for a new one. An API key identifies your application; it is not a password for a person.',
  'access-denied': 'Your credentials are valid but do not cover this route. Do not retry with the same credentials.',
  'insufficient-scope':
    'The token is valid but lacks the scope this route needs, named in the `WWW-Authenticate` header. Ask for a token that carries it; retrying with the same token gets the same answer.',
  'ride-not-covered':
    'A ride token covers one ride of one driver. Rate the ride and driver the token names, or get the token issued for this ride.',
  throttled:
    'Your API key sent requests faster than its tier allows. Wait at least the seconds in `Retry-After`, then retry with exponential backoff and full jitter (chapter 13 has a client that does). Limits are per key: sending the same requests more slowly is the fix, not sending them again at once.',
  'quota-exceeded':
    "Your API key has used its tier's requests for the day. The quota starts again at 00:00 UTC; `Retry-After` is a fixed hour, as the gateway cannot count down to midnight. Wait, or ask for a higher tier.",
  'rating-limit-reached':
    'The rider has rated as many rides today (UTC) as a rider may. Do not retry before the seconds in `Retry-After`, which end at midnight UTC; the rating was not stored.',
  internal:
    'Nothing in the request can fix this: it is a bug in the API, and the details are in its logs, not in the answer. Retrying may give the same result; report it with the time of the request.',
  unavailable:
    'Retry the same request after the number of seconds in the `Retry-After` header, and wait longer if it happens again. A rating is written in one transaction: if the failed attempt went through after all, the retry answers `ride-already-rated`.',
};

const BY_STATUS_CLASS: Record<string, string> = {
  '4': 'Change the request before sending it again: the same request gets the same answer.',
  '5': 'The request may succeed later; wait before retrying, and honour `Retry-After` when it is present.',
};

export function adviceFor(slug: string, status: number): string {
  return BY_TYPE[slug] ?? BY_STATUS_CLASS[String(status)[0]!] ?? '';
}

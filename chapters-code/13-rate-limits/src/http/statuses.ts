import { type ProblemKind, problemTypes } from './problems';

// #region status-table
/**
 * Every status this API answers with, and why. The book prints this table, and a
 * unit test checks that it lists every problem type, so the two cannot drift apart.
 */
export interface StatusRow {
  status: number;
  /** The problem type, for failures. */
  problem?: ProblemKind;
  when: string;
}

export const statusTable: readonly StatusRow[] = [
  { status: 200, when: 'A read found what it asked for (an empty page or leaderboard included).' },
  { status: 201, when: 'A driver or a rating was created; `location` says where (for drivers).' },
  { status: 400, problem: 'bodyMissing', when: 'A POST came without a body.' },
  { status: 400, problem: 'invalidJson', when: 'The body is not JSON.' },
  { status: 400, problem: 'validation', when: 'A field is missing, unknown, of the wrong type or out of range; `errors` lists each.' },
  { status: 400, problem: 'invalidParameter', when: 'A query or path parameter is out of range (`limit`, `city`); `errors` lists each.' },
  { status: 400, problem: 'invalidCursor', when: 'The `cursor` was not issued by this API for this list, or was altered.' },
  { status: 401, problem: 'notAuthenticated', when: 'A route for riders or staff got no token, or one that is malformed, expired, not yet valid, for another audience or issuer, or not signed by a key the API trusts; `WWW-Authenticate: Bearer` says how to authenticate (answered by API Gateway).' },
  { status: 403, problem: 'invalidApiKey', when: 'A route for partners got no `x-api-key`, or a key that is unknown, disabled or in no usage plan (answered by API Gateway).' },
  { status: 403, problem: 'accessDenied', when: "The authorizer's policy does not allow this route (answered by API Gateway)." },
  { status: 403, problem: 'insufficientScope', when: 'Creating a driver with a token that lacks the scope `drivers:write`, such as a ride token; `WWW-Authenticate` names the scope.' },
  { status: 403, problem: 'rideNotCovered', when: 'Rating with a token that is not the ride token of this ride and driver.' },
  { status: 404, problem: 'driverNotFound', when: 'No driver has the id in the path.' },
  { status: 404, problem: 'routeNotFound', when: 'No route matches the method and path (answered by API Gateway).' },
  { status: 409, problem: 'rideAlreadyRated', when: 'The ride in the body has been rated before.' },
  { status: 413, problem: 'bodyTooLarge', when: 'The body is over 16 KiB.' },
  { status: 415, problem: 'unsupportedMediaType', when: 'The body is not sent as `application/json`.' },
  { status: 429, problem: 'throttled', when: "A partner key sent requests faster than its tier's rate and burst, for the API or for the route; retry after `Retry-After` seconds (answered by API Gateway, best effort)." },
  { status: 429, problem: 'quotaExceeded', when: "A partner key has used its tier's requests for the day; the quota starts again at 00:00 UTC (answered by API Gateway, best effort)." },
  { status: 429, problem: 'ratingLimitReached', when: 'The rider has rated as many rides today (UTC) as a rider may; `Retry-After` counts the seconds to midnight UTC (exact, enforced by the API).' },
  { status: 500, problem: 'internal', when: 'A bug: nothing the client can fix; the details are in the logs.' },
  { status: 503, problem: 'unavailable', when: 'DynamoDB is throttling or unreachable, a rating kept colliding with others, or the authorizer could not read the keys that check tokens (answered by API Gateway); retry after `Retry-After` seconds.' },
];
// #endregion status-table

/** The table as Markdown, for `npm run status-table`. */
export function statusTableMarkdown(): string {
  const rows = statusTable.map(({ status, problem, when }) => {
    const title = problem ? problemTypes[problem].title : status === 200 ? 'OK' : 'Created';
    const type = problem ? `\`${problemTypes[problem].slug}\`` : '';
    return `| ${status} | ${title} | ${type} | ${when} |`;
  });
  return ['| status | title | problem type | when |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

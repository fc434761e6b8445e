import type { APIGatewayProxyResult } from 'aws-lambda';
import problemTypeUris from './problem-type-uris.json';

// #region problem-types
/**
 * Every kind of problem this API reports. A problem's `type` is its identifier: clients
 * branch on it, so it never changes once published (RFC 9457, section 3.1.1). It is a
 * URI that may also lead a person to documentation; clients must not fetch it to work.
 * Their common base is in problem-type-uris.json, which serverless.yml reads as well.
 */
const typeBase = problemTypeUris.base;

export const problemTypes = {
  bodyMissing: { status: 400, slug: 'body-missing', title: 'Request body missing' },
  invalidJson: { status: 400, slug: 'invalid-json', title: 'Request body is not JSON' },
  validation: { status: 400, slug: 'validation', title: 'Request is not valid' },
  invalidParameter: { status: 400, slug: 'invalid-parameter', title: 'Request parameter not valid' },
  invalidCursor: { status: 400, slug: 'invalid-cursor', title: 'Cursor not valid' },
  notAuthenticated: { status: 401, slug: 'not-authenticated', title: 'Not authenticated' },
  invalidApiKey: { status: 403, slug: 'invalid-api-key', title: 'API key missing or not valid' },
  accessDenied: { status: 403, slug: 'access-denied', title: 'Access denied' },
  insufficientScope: { status: 403, slug: 'insufficient-scope', title: 'Scope missing from token' },
  rideNotCovered: { status: 403, slug: 'ride-not-covered', title: 'Token does not cover this ride' },
  driverNotFound: { status: 404, slug: 'driver-not-found', title: 'Driver not found' },
  routeNotFound: { status: 404, slug: 'route-not-found', title: 'No such route' },
  rideAlreadyRated: { status: 409, slug: 'ride-already-rated', title: 'Ride already rated' },
  bodyTooLarge: { status: 413, slug: 'body-too-large', title: 'Request body too large' },
  unsupportedMediaType: { status: 415, slug: 'unsupported-media-type', title: 'Unsupported media type' },
  throttled: { status: 429, slug: 'throttled', title: 'Too many requests' },
  quotaExceeded: { status: 429, slug: 'quota-exceeded', title: 'Daily quota used up' },
  ratingLimitReached: { status: 429, slug: 'rating-limit-reached', title: 'Daily rating limit reached' },
  internal: { status: 500, slug: 'internal', title: 'Internal error' },
  unavailable: { status: 503, slug: 'unavailable', title: 'Service temporarily unavailable' },
} as const satisfies Record<string, { status: number; slug: string; title: string }>;

export type ProblemKind = keyof typeof problemTypes;
export const problemTypeUri = (kind: ProblemKind): string => typeBase + problemTypes[kind].slug;
// #endregion problem-types

// #region problem-builder
/**
 * One wrong field and what is wrong with it: in the body, where it is as a JSON
 * Pointer (RFC 6901); in the query string or the path, the parameter's name.
 */
export type FieldProblem = { pointer: string; detail: string } | { parameter: string; detail: string };

/** An RFC 9457 problem document. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
}

export function problemDocument(kind: ProblemKind, detail: string, errors?: FieldProblem[]): ProblemDocument {
  const { status, title } = problemTypes[kind];
  return { type: problemTypeUri(kind), title, status, detail, ...(errors ? { errors } : {}) };
}

/** The HTTP response carrying a problem document, with its own media type. */
export function problemResponse(document: ProblemDocument, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return {
    statusCode: document.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(document),
  };
}
// #endregion problem-builder

/**
 * Thrown by the request helpers when input is unusable. src/http/handle.ts turns it into
 * the response, so a handler reads as its happy path.
 */
export class HttpProblem extends Error {
  readonly document: ProblemDocument;

  constructor(kind: ProblemKind, detail: string, errors?: FieldProblem[]) {
    super(detail);
    this.name = 'HttpProblem';
    this.document = problemDocument(kind, detail, errors);
  }
}

import type { APIGatewayProxyEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import { citySchema, driverIdSchema } from '../domain/schemas';
import { DriverNotFoundError } from '../domain/errors';
import { type FieldProblem, HttpProblem } from './problems';

/** 16 KiB: ten times the largest valid rating, and small enough that parsing it costs nothing. */
export const maxBodyBytes = 16 * 1024;

/** Header names are case-insensitive; API Gateway passes them as the client spelled them. */
export function header(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

// #region content-type
/**
 * True for `application/json`, with or without `charset=utf-8` (JSON is UTF-8 by
 * definition, RFC 8259). Other parameters are ignored; another charset is refused.
 */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const [mediaType, ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, raw = ''] = parameter.split('=').map((part) => part.trim());
    return name !== 'charset' || ['utf-8', 'utf8'].includes(raw.replace(/^"(.*)"$/, '$1'));
  });
}
// #endregion content-type

// #region issues-to-errors
/** A JSON Pointer (RFC 6901) to a field: "~" and "/" inside names are escaped. */
const pointerTo = (path: readonly PropertyKey[]): string =>
  path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** Zod's issues as the `errors` of a problem document: one entry per field and message. */
export function fieldProblems(issues: readonly z.core.$ZodIssue[]): Array<{ pointer: string; detail: string }> {
  const problems = issues.flatMap((issue): Array<{ pointer: string; detail: string }> =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ pointer: pointerTo([...issue.path, key]), detail: 'is not a field of this request' }))
      : [{ pointer: pointerTo(issue.path), detail: issue.message }],
  );
  // One value can break two rules with the same message (say, 1e20 for stars); say it once.
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.pointer}\n${problem.detail}`;
    return !seen.has(key) && seen.add(key);
  });
}
// #endregion issues-to-errors

/**
 * The body as text. API Gateway always sends text (or null), but serverless-offline
 * passes a JSON body of `0` or `false` on as the parsed value: the HTTP property test
 * of chapter 10 found that, as a 500.
 */
function bodyText(event: APIGatewayProxyEvent): string | null {
  const body: unknown = event.body;
  if (body === null || body === undefined) return null;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

// #region read-body
/**
 * The request body, checked against a schema: 413 when too large, 415 when not
 * declared as JSON, 400 when missing, not JSON, or not what the schema describes.
 * The cheapest checks come first, so a bad request costs as little as possible.
 */
export function readJsonBody<Schema extends z.ZodMiniType>(event: APIGatewayProxyEvent, schema: Schema): z.infer<Schema> {
  const text = bodyText(event);
  if (text === null || text === '') {
    throw new HttpProblem('bodyMissing', 'This request needs a JSON body.');
  }
  const bytes = event.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  if (bytes.length > maxBodyBytes) {
    throw new HttpProblem('bodyTooLarge', `The body is ${bytes.length} bytes; the limit is ${maxBodyBytes}.`);
  }
  if (!isJsonContentType(header(event, 'content-type'))) {
    throw new HttpProblem('unsupportedMediaType', 'Send the body as JSON, with the header "Content-Type: application/json".');
  }
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HttpProblem('invalidJson', 'The body is not valid JSON.');
  }
  const checked = schema.safeParse(body);
  if (!checked.success) {
    const errors = fieldProblems(checked.error.issues);
    throw new HttpProblem('validation', 'The body has fields that are missing or not valid; see "errors".', errors);
  }
  return checked.data;
}
// #endregion read-body

/**
 * The `{driverId}` of the path. An id that could never have been issued names no
 * driver, so it is a 404 like any unknown id, answered without a database call.
 */
export function driverIdFrom(event: APIGatewayProxyEvent): string {
  const checked = driverIdSchema.safeParse(event.pathParameters?.driverId);
  if (!checked.success) throw new DriverNotFoundError();
  return checked.data;
}

// #region read-query
/**
 * The query string, checked against a schema. Each problem names its parameter;
 * a value that is not valid is the client's mistake, so 400, never a default.
 */
export function readQuery<Schema extends z.ZodMiniType>(event: APIGatewayProxyEvent, schema: Schema): z.infer<Schema> {
  const checked = schema.safeParse(event.queryStringParameters ?? {});
  if (checked.success) return checked.data;
  const errors: FieldProblem[] = checked.error.issues.map((issue) => ({
    parameter: String(issue.path[0] ?? ''),
    detail: issue.message,
  }));
  throw new HttpProblem('invalidParameter', 'A query parameter is not valid; see "errors".', errors);
}
// #endregion read-query

/** The `{city}` of the path: 1 to 60 characters once trimmed, or 400. */
export function cityFrom(event: APIGatewayProxyEvent): string {
  const checked = citySchema.safeParse(event.pathParameters?.city);
  if (checked.success) return checked.data;
  throw new HttpProblem('invalidParameter', 'The city in the path is not valid; see "errors".', [
    { parameter: 'city', detail: 'must be text of 1 to 60 characters' },
  ]);
}

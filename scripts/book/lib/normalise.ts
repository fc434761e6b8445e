// What legitimately changes from one run to the next is replaced by a placeholder that the book
// shows as is. Outputs are normalised before they are compared and before a refresh writes them,
// so the book never holds a real id, time or port.

/** The port the book shows; the verifier runs each stack on a free port and maps it back. */
export const BOOK_PORT = 3000;

export interface NormaliseContext {
  /** The port the chapter's stack really listens on. */
  port?: number;
  /** Absolute path of the repository, shown as `<repo>`. */
  root?: string;
  /** The home directory, shown as `~`. */
  home?: string;
  /**
   * Only times within this window (ms since the epoch) are made placeholders: those the run
   * produced. Fixed times, such as sample data's createdAt, stay as they are. Without a window,
   * every time is replaced.
   */
  window?: { from: number; to: number };
}

export interface Placeholder {
  name: string;
  /** What the placeholder stands for, for the authors' documentation and `--help`. */
  meaning: string;
  pattern: RegExp;
  replace: string | ((match: string, ...groups: string[]) => string);
  /** For times: the placeholder applies only when the run could have produced the value. */
  recent?: boolean;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';

/** Headers whose value identifies one request; any value is shown as `<request-id>`. */
const REQUEST_ID_HEADERS = [
  'x-amzn-requestid',
  'x-amz-apigw-id',
  'x-amzn-trace-id',
  'x-amz-request-id',
  'x-amz-id-2',
  'x-request-id',
  'apigw-requestid',
];

/** The placeholders, applied in this order. */
export const PLACEHOLDERS: readonly Placeholder[] = [
  {
    name: '<request-id>',
    meaning: 'a request id: the value of an x-amzn-RequestId-style header, or after "RequestId:" or "requestId"',
    pattern: new RegExp(`^((?:${REQUEST_ID_HEADERS.join('|')}):\\s*).+$`, 'gim'),
    replace: (_match, head: string) => `${head}<request-id>`,
  },
  {
    name: '<request-id>',
    meaning: '',
    pattern: /(\b(?:aws)?RequestId["']?\s*[:=]\s*["']?)[\w-]{6,}/gi,
    replace: (_match, head: string) => `${head}<request-id>`,
  },
  {
    name: '<uuid>',
    meaning: 'a UUID, such as a generated driverId',
    pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
    replace: '<uuid>',
  },
  {
    name: '<timestamp>',
    meaning: 'an ISO 8601 date and time from the run, such as a new rating\'s createdAt',
    pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g,
    replace: '<timestamp>',
    recent: true,
  },
  {
    name: '<date>',
    meaning: 'an HTTP date from the run, such as the value of a Date header',
    pattern: new RegExp(`\\b${WEEKDAY}, \\d{2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT`, 'g'),
    replace: '<date>',
    recent: true,
  },
  {
    // Jest adds ", estimated 4 s" to its Time line only when it has timings from an earlier run.
    name: '<duration>',
    meaning: '',
    pattern: /\b(\d+(?:\.\d+)?\s?(?:ms|s)), estimated \d+(?:\.\d+)?\s?(?:ms|s)\b/g,
    replace: '$1',
  },
  {
    name: '<duration>',
    meaning: 'a duration in milliseconds or seconds, such as "12.3 ms" or "4s"',
    pattern: /\b\d+(?:\.\d+)?\s?(?:ms|s)\b/g,
    replace: '<duration>',
  },
];

// ESC [ … final byte, and ESC ] … BEL/ST (colours, cursor moves, hyperlinks).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** npm's own notices depend on the machine's npm and its config, not on the book's code. */
const NPM_NOISE = /^npm (?:warn|notice|WARN|notice)\b/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Normalises one command's raw output into the lines the book shows. */
export function normaliseOutput(raw: string, context: NormaliseContext = {}): string[] {
  let text = raw.replace(/\r\n?/g, '\n').replace(ANSI, '');
  if (context.port !== undefined && context.port !== BOOK_PORT) {
    const hosts = '(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\]|\\[::\\])';
    text = text.replace(new RegExp(`${hosts}:${context.port}\\b`, 'g'), `$1:${BOOK_PORT}`);
  }
  if (context.root) text = text.replace(new RegExp(escapeRegExp(context.root), 'g'), '<repo>');
  if (context.home && context.home !== '/') text = text.replace(new RegExp(escapeRegExp(context.home), 'g'), '~');
  const window = context.window;
  for (const placeholder of PLACEHOLDERS) {
    const { replace } = placeholder;
    if (placeholder.recent && window && typeof replace === 'string') {
      text = text.replace(placeholder.pattern, (match) => {
        const time = Date.parse(match.replace(',', '.'));
        return Number.isNaN(time) || (time >= window.from && time <= window.to) ? replace : match;
      });
    } else {
      // replace() takes a string or a function; TypeScript wants to know which.
      text = typeof replace === 'string' ? text.replace(placeholder.pattern, replace) : text.replace(placeholder.pattern, replace);
    }
  }
  return text
    .split('\n')
    .filter((line) => !NPM_NOISE.test(line))
    .map((line) => line.replace(/\s+$/, ''));
}

/** Points a command at the stack's real port: `localhost:3000` becomes `localhost:<port>`. */
export function rewriteCommand(script: string, port: number | undefined): string {
  if (port === undefined || port === BOOK_PORT) return script;
  return script.replace(/\b(localhost|127\.0\.0\.1):3000\b/g, `$1:${port}`);
}

/** `npm run status-table`: the API's status table (src/http/statuses.ts) as Markdown. */
import { statusTableMarkdown } from '../src/http/statuses';

console.log(statusTableMarkdown());

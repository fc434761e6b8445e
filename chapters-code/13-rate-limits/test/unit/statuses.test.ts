import { problemTypes, type ProblemKind } from '../../src/http/problems';
import { statusTable, statusTableMarkdown } from '../../src/http/statuses';

describe('the status table', () => {
  it('lists every problem type, with its status', () => {
    for (const kind of Object.keys(problemTypes) as ProblemKind[]) {
      const row = statusTable.find((candidate) => candidate.problem === kind);
      expect(row?.status).toBe(problemTypes[kind].status);
    }
  });

  it('is ordered by status', () => {
    const statuses = statusTable.map((row) => row.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
  });

  it('prints as Markdown', () => {
    expect(statusTableMarkdown().split('\n')).toHaveLength(statusTable.length + 2);
  });
});

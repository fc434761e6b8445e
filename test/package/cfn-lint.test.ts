// The cfn-lint check itself, on hand-made templates run through the real cfn-lint: it must fail on an
// error and on a warning the allowlist does not name, and excuse only what the allowlist names.
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedWarnings, cfnLint, excuseFor, unexcusedFindings, type CfnLintFinding } from '../../scripts/lib/cfn-lint';

const fixtures = join(__dirname, 'fixtures', 'cfn-lint');
const lint = (file: string) => cfnLint([join(fixtures, file)], ['us-east-1']);
const brief = (findings: CfnLintFinding[]) => findings.map(({ level, rule, path }) => `${level} ${rule} ${path}`);

describe('the cfn-lint check', () => {
  it('fails on an error', async () => {
    const findings = await lint('table-with-bad-attribute-type.json');
    assert.deepEqual(brief(unexcusedFindings(findings)), [
      'Error E3030 Resources/RatingsTable/Properties/AttributeDefinitions/0/AttributeType',
    ]);
  });

  it('excuses the per-function role’s redundant DependsOn, and no other redundant DependsOn', async () => {
    const findings = await lint('redundant-depends-on.json');
    assert.deepEqual(brief(findings), [
      'Warning W3005 Resources/ShoutLambdaFunction/DependsOn/0',
      'Warning W3005 Resources/ShoutLogGroup/DependsOn/0',
    ]);
    assert.deepEqual(brief(unexcusedFindings(findings)), ['Warning W3005 Resources/ShoutLogGroup/DependsOn/0']);
  });

  it('never excuses an error, even one an allowlist entry would match', () => {
    const finding: CfnLintFinding = {
      file: 'template.json',
      level: 'Error',
      rule: 'W3005',
      path: 'Resources/ShoutLambdaFunction/DependsOn/0',
      message: "'ShoutIamRoleLambdaExecution' dependency already enforced by a 'GetAtt' at 'Resources/ShoutLambdaFunction/Properties/Role'",
    };
    assert.equal(excuseFor(finding), undefined);
    assert.equal(excuseFor({ ...finding, level: 'Warning' }), allowedWarnings[0]);
  });

  it('gives every allowlist entry a reason', () => {
    for (const entry of allowedWarnings) assert.ok(entry.reason.length > 40, `${entry.rule} has no real reason`);
  });
});

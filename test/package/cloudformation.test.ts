/**
 * Packages every chapter with the real Serverless CLI, without AWS credentials
 * (scripts/lib/packaged-chapters.ts: once per `npm test`, shared with the
 * deploy-policy test), and checks the CloudFormation it would deploy:
 * least-privilege IAM, on-demand tables, one runtime and architecture for every
 * function in the book, bundles built for that runtime, and cfn-lint (AWS's
 * linter) with no error and no warning beyond its allowlist.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedWarnings, cfnLint, describeFinding, excuseFor, unexcusedFindings, type AllowedWarning } from '../../scripts/lib/cfn-lint';
import { accessProblems } from '../../scripts/lib/access';
import { limitProblems } from '../../scripts/lib/limits';
import { iamStatements, leastPrivilegeProblems, resourcesOfType } from '../../scripts/lib/cloudformation';
import { packagedChapter } from '../../scripts/lib/packaged-chapters';
import { codeChapters } from '../../scripts/lib/repo';

const expectedRuntime = 'nodejs24.x';
const expectedArchitecture = 'arm64';
const usedAllowlistEntries = new Set<AllowedWarning>();

for (const chapter of codeChapters()) {
  describe(`chapters-code/${chapter}: serverless package`, () => {
    const packaged = packagedChapter(chapter);

    it('packages without AWS credentials', async () => {
      const { zips } = await packaged;
      assert.ok(Object.keys(zips).length > 0, 'no zip was written');
      for (const [name, bytes] of Object.entries(zips)) console.log(`  ${chapter}/${name}: ${bytes} bytes`);
    });

    it('grants no wildcard action or resource', async () => {
      const { template } = await packaged;
      const problems = iamStatements(template).flatMap((statement) =>
        leastPrivilegeProblems(statement).map((problem) => `${statement.resource}: ${problem}`),
      );
      assert.deepEqual(problems, []);
    });

    it('keeps the shared role to logs, and unused once functions have roles of their own', async () => {
      const { template } = await packaged;
      const shared = 'IamRoleLambdaExecution';
      const sharedActions = iamStatements(template)
        .filter((statement) => statement.resource === shared)
        .flatMap((statement) => [statement.Action ?? []].flat().map(String));
      assert.ok(template.Resources[shared] === undefined || sharedActions.length > 0, `${shared} has no statements`);
      for (const action of sharedActions) assert.match(action, /^logs:/, `${shared} grants ${action}`);
      const ownRoles = resourcesOfType(template, 'AWS::IAM::Role').filter(([id]) => id !== shared);
      if (ownRoles.length === 0) return;
      for (const [id, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
        assert.notDeepEqual(fn.Properties?.Role, { 'Fn::GetAtt': [shared, 'Arn'] }, `${id} falls back to ${shared}`);
      }
    });

    it('bills every table on demand', async () => {
      const { template } = await packaged;
      for (const [id, table] of resourcesOfType(template, 'AWS::DynamoDB::Table')) {
        assert.equal(table.Properties?.BillingMode, 'PAY_PER_REQUEST', `${id} is not on-demand`);
      }
    });

    it(`runs every function on ${expectedRuntime} ${expectedArchitecture}`, async () => {
      const { template } = await packaged;
      const functions = resourcesOfType(template, 'AWS::Lambda::Function');
      assert.ok(functions.length > 0, 'no function in the template');
      for (const [id, fn] of functions) {
        assert.equal(fn.Properties?.Runtime, expectedRuntime, `${id} runtime`);
        assert.deepEqual(fn.Properties?.Architectures, [expectedArchitecture], `${id} architecture`);
      }
    });

    it('serves every REST API from a regional endpoint (chapter 6)', async () => {
      const { template } = await packaged;
      for (const [id, api] of resourcesOfType(template, 'AWS::ApiGateway::RestApi')) {
        assert.deepEqual(api.Properties?.EndpointConfiguration, { Types: ['REGIONAL'] }, `${id} endpoint type`);
      }
    });

    it('keeps reads to API keys in usage plans, writes to the cached authorizer, and answers browsers (chapter 12 on)', {
      skip: Number(chapter.slice(0, 2)) < 12 ? 'before chapter 12, every route is open to anyone' : false,
    }, async () => {
      const { template } = await packaged;
      assert.deepEqual(accessProblems(template), []);
    });

    it('gives partner tiers their documented throttles and quotas, and answers 429 with Retry-After (chapter 13 on)', {
      skip: Number(chapter.slice(0, 2)) < 13 ? 'before chapter 13, no tier has limits' : false,
    }, async () => {
      const { template } = await packaged;
      assert.deepEqual(limitProblems(template), []);
    });

    it('keeps logs for a bounded time', async () => {
      const { template } = await packaged;
      for (const [id, group] of resourcesOfType(template, 'AWS::Logs::LogGroup')) {
        assert.ok(Number(group.Properties?.RetentionInDays) > 0, `${id} keeps logs forever`);
      }
    });

    it('bundles for the Node.js the functions run on', async () => {
      const { provider, esbuildTarget } = await packaged;
      assert.equal(esbuildTarget, provider.runtime.replace(/^nodejs(\d+)\.x$/, 'node$1'), 'custom.esbuild.target');
    });

    it('passes cfn-lint: no error, and no warning outside the allowlist', async () => {
      const { templates, provider, folder } = await packaged;
      const findings = await cfnLint(templates, [provider.region], { cwd: folder });
      const excused = findings.flatMap((finding) => excuseFor(finding) ?? []);
      for (const entry of excused) usedAllowlistEntries.add(entry);
      const counts = new Map<string, number>();
      for (const { level, rule } of findings) counts.set(`${level} ${rule}`, (counts.get(`${level} ${rule}`) ?? 0) + 1);
      const summary = [...counts].map(([kind, count]) => `${kind} ×${count}`).join(', ') || 'nothing';
      console.log(`  ${chapter}: cfn-lint found ${summary}; ${excused.length} allowlisted`);
      assert.deepEqual(unexcusedFindings(findings).map(describeFinding), []);
    });
  });
}

describe('the cfn-lint allowlist', () => {
  it('has no entry that excuses nothing in any chapter', () => {
    const unused = allowedWarnings.filter((entry) => !usedAllowlistEntries.has(entry));
    assert.deepEqual(unused.map((entry) => `${entry.rule} ${entry.path}`), []);
  });
});

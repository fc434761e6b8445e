// Reading a folder of packaged chapters, on a hand-made package: what the CloudFormation and deploy
// policy tests get, and a packaging failure reported as that chapter's error rather than lost.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readPackagedChapter } from '../../scripts/lib/packaged-chapters';

const root = mkdtempSync(join(tmpdir(), 'rtr-packaged-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

const template = { Resources: { RatingsTable: { Type: 'AWS::DynamoDB::Table' } } };
const state = {
  service: {
    service: 'rate-the-ride-99',
    provider: { region: 'eu-west-1', runtime: 'nodejs24.x', stage: 'prod' },
    custom: { esbuild: { target: 'node24' } },
  },
};
const folder = join(root, '99-example');
mkdirSync(folder);
writeFileSync(join(folder, 'serverless-state.json'), JSON.stringify(state));
writeFileSync(join(folder, 'cloudformation-template-create-stack.json'), '{"Resources":{}}');
writeFileSync(join(folder, 'cloudformation-template-update-stack.json'), JSON.stringify(template));
writeFileSync(join(folder, 'rate-the-ride-99.zip'), Buffer.alloc(1234));
writeFileSync(join(root, '98-broken.failed.txt'), 'serverless package failed in chapters-code/98-broken: bad YAML');

describe('readPackagedChapter', () => {
  it('reads the update template, both template files, the stack, the resolved provider and the zips', () => {
    const packaged = readPackagedChapter(root, '99-example');
    assert.deepEqual(packaged.template, template);
    assert.deepEqual(packaged.templates, [
      join(folder, 'cloudformation-template-create-stack.json'),
      join(folder, 'cloudformation-template-update-stack.json'),
    ]);
    assert.equal(packaged.stack, 'rate-the-ride-99-prod');
    assert.deepEqual(packaged.provider, state.service.provider);
    assert.equal(packaged.esbuildTarget, 'node24');
    assert.deepEqual(packaged.zips, { 'rate-the-ride-99.zip': 1234 });
  });

  it("throws a chapter's packaging failure, and says when a chapter was never packaged", () => {
    assert.throws(() => readPackagedChapter(root, '98-broken'), /98-broken: bad YAML/);
    assert.throws(() => readPackagedChapter(root, '97-missing'), /holds no package of chapters-code\/97-missing/);
  });
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkAwsCommand, serverlessCommands, simpleCommands, type ChapterCommands } from '../../scripts/book/lib/aws-commands.js';
import { FIXTURE_CODE } from './helpers.js';

const chapter: ChapterCommands = {
  scripts: { dev: 'serverless offline', deploy: 'serverless deploy', remove: 'serverless remove', test: 'jest' },
  serverless: serverlessCommands(join(FIXTURE_CODE, '90-fake-api')),
};

describe('simpleCommands', () => {
  test('splits pipelines, lists and command substitutions, and drops quotes and redirections', () => {
    assert.deepEqual(simpleCommands(`URL=$(aws cloudformation describe-stacks --query 'Stacks[0]' --output text) && curl -s "$URL/drivers" 2>&1 | jq . > out.json`), [
      ['aws', 'cloudformation', 'describe-stacks', '--query', 'Stacks[0]', '--output', 'text'],
      ['URL=$(…)'],
      ['curl', '-s', '$URL/drivers'],
      ['jq', '.'],
    ]);
  });

  test('joins continuation lines and skips comments', () => {
    assert.deepEqual(simpleCommands('npx serverless deploy \\\n  --stage dev # your own stage'), [['npx', 'serverless', 'deploy', '--stage', 'dev']]);
  });
});

describe('checkAwsCommand', () => {
  test("accepts the chapter's npm scripts and known Serverless and AWS CLI commands", () => {
    for (const command of [
      'npm run deploy',
      'npm run deploy -- --stage prod',
      'npm test',
      'npx serverless deploy --stage dev',
      'npx serverless deploy function --function api',
      'npx serverless logs --function api --tail',
      'npx sls info',
      'npx serverless invoke --function summariseStars --path events/three-rides.json',
      'AWS_PROFILE=rtr npx serverless remove',
      'aws sts get-caller-identity',
      'aws --profile rtr cloudformation list-stacks',
      'curl -s https://abc123.execute-api.us-east-1.amazonaws.com/dev/drivers/d-1/ratings',
      'export AWS_REGION=eu-west-1',
    ]) {
      assert.deepEqual(checkAwsCommand(command, chapter), [], command);
    }
  });

  test('names what is unknown', () => {
    assert.deepEqual(checkAwsCommand('npm run deploi', chapter), ['the chapter has no npm script "deploi" (it has: dev, deploy, remove, test)']);
    assert.deepEqual(checkAwsCommand('npx serverless deplyo', chapter), ['"serverless deplyo" is not a Serverless Framework command']);
    assert.deepEqual(checkAwsCommand('npx serverless', chapter), ['serverless needs a command, e.g. "serverless deploy"']);
    assert.match(checkAwsCommand('aws dynamo scan', chapter)[0]!, /"aws dynamo" is not an AWS CLI service/);
    assert.deepEqual(checkAwsCommand('aws sts', chapter), ['"aws sts" needs an operation']);
    assert.match(checkAwsCommand('terraform apply', chapter)[0]!, /"terraform" is not an npm script/);
    assert.match(checkAwsCommand('npx cdk deploy', chapter)[0]!, /"npx cdk" is not a known CLI command/);
  });

  test('reads the commands from the installed Serverless CLI', () => {
    for (const name of ['deploy', 'remove', 'logs', 'invoke local', 'info', 'offline']) assert.ok(chapter.serverless.has(name), name);
  });
});

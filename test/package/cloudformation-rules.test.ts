// The policy checks themselves, on hand-made statements: a check that cannot fail proves nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { leastPrivilegeProblems } from '../../scripts/lib/cloudformation';

const statement = (Action: unknown, Resource: unknown) => ({ resource: 'Role', Effect: 'Allow', Action, Resource });

describe('leastPrivilegeProblems', () => {
  it('accepts named actions on a named resource', () => {
    assert.deepEqual(leastPrivilegeProblems(statement(['dynamodb:GetItem'], { 'Fn::GetAtt': ['Table', 'Arn'] })), []);
  });

  it('rejects wildcard actions', () => {
    assert.deepEqual(leastPrivilegeProblems(statement('dynamodb:*', 'arn:aws:dynamodb:us-east-1:123456789012:table/t')), [
      'wildcard action "dynamodb:*"',
    ]);
  });

  it('rejects a "*" resource unless the action only accepts "*"', () => {
    assert.deepEqual(leastPrivilegeProblems(statement(['s3:GetObject'], '*')), ['resource "*" for s3:GetObject']);
    assert.deepEqual(leastPrivilegeProblems(statement(['xray:PutTraceSegments'], '*')), []);
  });

  it('rejects NotAction and whole-service resources', () => {
    assert.equal(leastPrivilegeProblems({ ...statement(undefined, 'x'), NotAction: 's3:GetObject' }).length, 1);
    assert.equal(leastPrivilegeProblems(statement('s3:GetObject', 'arn:aws:s3:::*')).length, 1);
  });
});

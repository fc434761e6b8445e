// Where the authorizer gets its public keys in AWS: SSM, read once and again every five minutes.
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { tokenKeysFromEnvironment, tokenKeysRefreshMs } from '../../src/aws/ssm';

const ssm = mockClient(SSMClient);
const saved = { ...process.env };

beforeEach(() => {
  ssm.reset();
  delete process.env.TOKEN_PUBLIC_KEYS;
  process.env.TOKEN_KEYS_PARAMETER = '/rate-the-ride-13/dev/token-public-keys';
});
afterAll(() => {
  process.env = saved;
});

it('reads the parameter once, then again once five minutes have passed', async () => {
  let clock = 0;
  ssm.on(GetParameterCommand).resolvesOnce({ Parameter: { Value: '{"keys":["first"]}' } }).resolves({ Parameter: { Value: '{"keys":["second"]}' } });
  const keys = tokenKeysFromEnvironment(() => clock);
  expect(await keys()).toBe('{"keys":["first"]}');
  clock = tokenKeysRefreshMs - 1;
  expect(await keys()).toBe('{"keys":["first"]}');
  expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
  clock = tokenKeysRefreshMs;
  expect(await keys()).toBe('{"keys":["second"]}');
  expect(ssm.commandCalls(GetParameterCommand)[0]!.args[0].input).toEqual({ Name: '/rate-the-ride-13/dev/token-public-keys', WithDecryption: true });
});

it('tries again on the next request after a failed read', async () => {
  ssm.on(GetParameterCommand).rejectsOnce(new Error('ThrottlingException')).resolves({ Parameter: { Value: '{"keys":[]}' } });
  const keys = tokenKeysFromEnvironment(() => 0);
  await expect(keys()).rejects.toThrow('ThrottlingException');
  expect(await keys()).toBe('{"keys":[]}');
});

it('needs no AWS when TOKEN_PUBLIC_KEYS is set, as `npm run dev` does', async () => {
  process.env.TOKEN_PUBLIC_KEYS = '{"keys":["local"]}';
  expect(await tokenKeysFromEnvironment()()).toBe('{"keys":["local"]}');
  expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(0);
});

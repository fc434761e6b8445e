import { join } from 'node:path';

// The framework's own YAML reader, the one that reads serverless.yml.
const readYaml: (file: string) => any = require('serverless/lib/utils/fs/read-file-sync');
const root = join(__dirname, '../../..');

describe('exercise: the route as an HTTP API route', () => {
  it('keeps the function, method and path, and changes only the kind of event', () => {
    const restApi = readYaml(join(root, 'serverless.yml')).functions.listRatings;
    const httpApi = readYaml(join(root, 'exercises/http-api.yml')).functions.listRatings;
    expect(httpApi.handler).toBe(restApi.handler);
    expect(restApi.events).toHaveLength(1);
    expect(httpApi.events).toEqual([{ httpApi: restApi.events[0].http }]);
  });
});

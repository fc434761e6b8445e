import { join } from 'node:path';
import { handler } from '../../../exercises/count-stars';
import { handler as summarise } from '../../../src/handlers/summarise-stars';
import threeRides from '../../../events/three-rides.json';
import badStars from '../../../events/bad-stars.json';

// The framework's own YAML reader, the one that reads serverless.yml.
const readYaml: (file: string) => any = require('serverless/lib/utils/fs/read-file-sync');
const root = join(__dirname, '../../..');

describe('exercise: countStars', () => {
  it('counts the sample event', async () => {
    await expect(handler(threeRides)).resolves.toEqual({ count: 3 });
  });

  it('refuses what summariseStars refuses, with the same answer', async () => {
    await expect(handler(badStars)).resolves.toEqual(await summarise(badStars));
  });

  it('is a new function whose handler path follows the existing one', () => {
    const service = readYaml(join(root, 'serverless.yml'));
    const fragment = readYaml(join(root, 'exercises/count-stars.yml'));
    expect(Object.keys(service.functions)).not.toContain('countStars');
    expect(service.functions.summariseStars.handler).toBe('src/handlers/summarise-stars.handler');
    expect(fragment.functions.countStars.handler).toBe('src/handlers/count-stars.handler');
  });
});

import { handler } from '../../src/handlers/summarise-stars';
import threeRides from '../../events/three-rides.json';

describe('summarise-stars handler', () => {
  it('summarises the sample event', async () => {
    await expect(handler(threeRides)).resolves.toEqual({ count: 3, average: 4.67 });
  });

  it('answers an error, not an exception, for bad input', async () => {
    await expect(handler({ stars: [5, 7] })).resolves.toEqual({
      error: 'stars must be a list of whole numbers from 1 to 5',
    });
    await expect(handler({})).resolves.toHaveProperty('error');
  });
});

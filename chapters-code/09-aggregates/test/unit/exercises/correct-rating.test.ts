import { correctionTransaction } from '../../../exercises/correct-rating';

const correction = { driverId: 'd-1', rideId: 'ride-1', createdAt: '2026-11-02T10:00:00.000Z', oldStars: 5, newStars: 3 };

describe('exercise: correcting a rating', () => {
  const [rating, summary] = correctionTransaction('ratings', correction).TransactItems!;

  it('changes the rating only if it still has the stars that were read', () => {
    expect(rating!.Update).toMatchObject({
      Key: { pk: 'DRIVER#d-1', sk: 'RATING#2026-11-02T10:00:00.000Z#ride-1' },
      ConditionExpression: 'stars = :old',
      ExpressionAttributeValues: { ':new': 3, ':old': 5 },
    });
  });

  it('moves the total by the difference and leaves the count alone', () => {
    expect(summary!.Update).toMatchObject({
      Key: { pk: 'DRIVER#d-1', sk: 'PROFILE' },
      UpdateExpression: 'ADD ratingTotal :difference',
      ExpressionAttributeValues: { ':difference': -2 },
    });
    expect(summary!.Update!.UpdateExpression).not.toContain('ratingCount');
  });

  it('touches two items, not the ride guard: the ride is still rated once', () => {
    expect(correctionTransaction('ratings', correction).TransactItems).toHaveLength(2);
  });
});

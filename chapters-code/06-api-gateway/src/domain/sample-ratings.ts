// #region sample
/** A rating as the API shows it. */
export interface Rating {
  driverId: string;
  rideId: string;
  stars: number;
  comment: string | null;
  createdAt: string;
}

/**
 * A few ratings held in memory, so this chapter can focus on API Gateway.
 * Chapter 07 replaces them with a DynamoDB table.
 */
const sampleRatings: readonly Rating[] = [
  { driverId: 'amara', rideId: 'ride-1001', stars: 5, comment: 'Smooth and on time', createdAt: '2026-11-02T08:15:00.000Z' },
  { driverId: 'amara', rideId: 'ride-1007', stars: 4, comment: null, createdAt: '2026-11-03T17:40:00.000Z' },
  { driverId: 'bruno', rideId: 'ride-1002', stars: 3, comment: 'Took the long way', createdAt: '2026-11-02T09:05:00.000Z' },
];
// #endregion sample

// #region list
/** The driver's ratings, newest first, or undefined when the driver is unknown. */
export function listSampleRatings(driverId: string): Rating[] | undefined {
  const ratings = sampleRatings.filter((rating) => rating.driverId === driverId);
  if (ratings.length === 0) {
    return undefined;
  }
  return [...ratings].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
// #endregion list

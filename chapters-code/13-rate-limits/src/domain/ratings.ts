import type { NewRating } from './schemas';

/** One rider's rating of one ride. */
export interface Rating {
  driverId: string;
  rideId: string;
  stars: number;
  comment: string | null;
  createdAt: string;
}

/** A rating as stored, from what the client sent: no comment is `null`, never missing. */
export function newRating(driverId: string, input: NewRating, now: Date): Rating {
  return {
    driverId,
    rideId: input.rideId,
    stars: input.stars,
    comment: input.comment ?? null,
    createdAt: now.toISOString(),
  };
}

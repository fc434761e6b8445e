/** One rider's rating of one ride. */
export interface Rating {
  driverId: string;
  rideId: string;
  stars: number;
  comment: string | null;
  createdAt: string;
}

// The waiting list's arithmetic, apart from the database: who gets a place, how many places a
// change opens.

export type PlaceDecision = { status: 'confirmed'; position: null } | { status: 'waiting'; position: number };

/** A new registration: a place while there is one, else the next position on the waiting list. */
export function decidePlace(capacity: number, confirmed: number, lastPosition: number): PlaceDecision {
  return confirmed < capacity
    ? { status: 'confirmed', position: null }
    : { status: 'waiting', position: lastPosition + 1 };
}

/** Places not taken by a confirmed registration (none when the event is full or over). */
export function freePlaces(capacity: number, confirmed: number): number {
  return Math.max(0, capacity - confirmed);
}

/** An event's registrations by state, as counted in the database. */
export interface PlaceCounts {
  confirmed: number;
  waiting: number;
}

/** What the public sees of an event's places: how many are left, how many people wait. */
export function availability(capacity: number, counts: PlaceCounts): { placesLeft: number; waiting: number } {
  return { placesLeft: freePlaces(capacity, counts.confirmed), waiting: Math.max(0, counts.waiting) };
}

/**
 * A waiting person's place in the queue as they are told it: the people still waiting ahead of
 * them, plus one. Stored positions keep gaps where someone left; this never does.
 */
export function queuePlace(waitingAhead: number): number {
  return Math.max(0, waitingAhead) + 1;
}

/** How many people a cancellation promotes: one, when it frees a confirmed place. */
export function promotionsOnCancellation(cancelledStatus: string): number {
  return cancelledStatus === 'confirmed' ? 1 : 0;
}

/** How many people an edit promotes: a raised capacity fills the places it leaves free. */
export function promotionsOnCapacityChange(before: number, after: number, confirmed: number): number {
  return after > before ? freePlaces(after, confirmed) : 0;
}

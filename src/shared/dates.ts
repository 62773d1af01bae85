/** ISO date (YYYY-MM-DD) of today, in UTC: the default `asOf` of every dated query. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** True when a dated record [start, end) is in effect on `asOf`; open bounds are null. */
export function isActiveOn(asOf: string, start: string | null | undefined, end: string | null | undefined): boolean {
  return (!start || start <= asOf) && (!end || end > asOf);
}

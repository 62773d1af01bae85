let current = { day: '', until: 0 };

/** ISO date (YYYY-MM-DD) of today, in UTC: the default `asOf` of every dated query (formatted once a day, it is asked for per field). */
export function today(): string {
  const now = Date.now();
  if (now >= current.until) {
    const d = new Date(now);
    current = { day: d.toISOString().slice(0, 10), until: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) };
  }
  return current.day;
}

/** True when a dated record [start, end) is in effect on `asOf`; open bounds are null. */
export function isActiveOn(asOf: string, start: string | null | undefined, end: string | null | undefined): boolean {
  return (!start || start <= asOf) && (!end || end > asOf);
}

/** The ISO date `days` days after `date` (calendar arithmetic in UTC, so no daylight-saving surprise). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

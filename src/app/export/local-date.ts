/**
 * The date printed on a report exported from the app: the user's local calendar day, as the
 * CLI prints by default (src/cli/report-date.ts).
 */

/** `YYYY-MM-DD` of `now` in local time. */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

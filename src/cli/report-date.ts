/**
 * The date line of reports, taken at the CLI boundary: `--date`, else SOURCE_DATE_EPOCH
 * (https://reproducible-builds.org/specs/source-date-epoch/), else today's local date. The report
 * builders themselves never read a clock.
 */
import { UsageError } from './cli-io.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` for a report; throws UsageError on a malformed `--date` or SOURCE_DATE_EPOCH. */
export function resolveReportDate(option: string | undefined, env: Readonly<Record<string, string | undefined>>, now: () => Date): string {
  if (option !== undefined) {
    if (!isCalendarDate(option)) throw new UsageError(`--date '${option}' is not a date (expected YYYY-MM-DD)`);
    return option;
  }
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    // The spec: an integer number of seconds since 1970-01-01 UTC; malformed values are an error.
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH '${epoch}' is not a number of seconds`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const today = now();
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

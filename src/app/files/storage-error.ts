/**
 * Storage failures in words a user can act on. A full quota is the one that happens in practice
 * (https://developer.mozilla.org/docs/Web/API/Storage_API/Storage_quotas_and_eviction_criteria).
 */

/** A message for a failed read or write of browser storage. */
export function describeStorageError(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError')
    return 'Browser storage is full: your edits are kept in this tab but are NOT saved. Download the scenario (Save), or free space by deleting scenarios in the Library; saving resumes with your next edit.';
  if (name === 'InvalidStateError' || name === 'UnknownError')
    return 'Browser storage is unavailable (private window, or the database was closed): your edits are kept in this tab only. Download the scenario (Save) to keep it.';
  return `Autosave failed: ${error instanceof Error ? error.message : String(error)}. Your edits are kept in this tab; download the scenario (Save) to be safe.`;
}

/**
 * Work in steps: a generator that yields between slices of a long computation and returns its
 * result, so that a caller with time to spare (an analysis session's idle time) runs a slice per
 * task, and any other caller runs it to the end at once.
 */

/** A computation in slices: each `next()` runs one, the last returns the result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every slice of `steps` now and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export class TimedOutError extends Error {}

/** `promise`, or a `TimedOutError` after `ms`: for answers that must come back in time (readiness probes). */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOutError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `work` (resolved or rejected) at most `ms`; false when time ran out. For shutdowns that must end. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withTimeout(work, ms);
    return true;
  } catch (error) {
    return !(error instanceof TimedOutError);
  }
}

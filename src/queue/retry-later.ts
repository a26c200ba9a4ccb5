/**
 * Thrown by a use case that cannot go on before `at` (write budget spent, GitHub rate limit): the
 * worker puts the job back as delayed, so nothing is dropped and no retry loop spins.
 */
export class RetryLater extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {
    super(`retry later (${reason})`);
  }
}

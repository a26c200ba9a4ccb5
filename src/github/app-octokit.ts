// Probot's Octokit, with writes paced by the app's own per-installation write budget instead of the
// throttling plugin's write queues.
import { ProbotOctokit } from "probot";

/**
 * The plugin holds every write 1 s (comments and issues 3 s) in a queue per installation, and a job
 * waiting there keeps its worker slot: with a few busy installations the slots all wait on them, and
 * writes crawl at about one per second in total. GitHub's content limits (80/min, 500/h per
 * installation) are enforced by the app's write budget in Redis before each write, and a rate-limit
 * answer pauses that installation (rate-limit-wait); so these two queues are handed a pass-through.
 * The plugin's other queues (concurrency, search, auth) and its rate-limit handlers stay as they are.
 */
const UNPACED = {
  key: () => ({ schedule: <T>(_options: unknown, task: () => Promise<T>): Promise<T> => task() }),
};

type Options = Record<string, unknown> & { throttle?: Record<string, unknown> };

export const AppOctokit = ProbotOctokit.defaults((options: Options) => ({
  ...options,
  throttle: { ...options?.throttle, write: UNPACED, notifications: UNPACED },
}));

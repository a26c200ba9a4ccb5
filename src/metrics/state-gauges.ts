// Gauges of shared state, computed from Redis when Prometheus scrapes. Every process that serves /metrics
// shows the same values (query them with max, not sum); one read serves all of them for `maxAgeMs`, so a
// scrape every few seconds does not re-read every repo each time.
import { Gauge, type Registry } from "prom-client";
import type { Sample } from "../domain/metrics/repo-samples.js";
import { QUEUE_STATES } from "../queue/queue-stats.js";
import type { MetricsState } from "../use-cases/metrics-state.js";

export function registerStateGauges(registry: Registry, read: () => Promise<MetricsState>, maxAgeMs: number, clock: () => number = Date.now): void {
  let cached: { at: number; state: Promise<MetricsState> } | null = null;
  const current = (): Promise<MetricsState> => {
    const now = clock();
    if (!cached || now - cached.at >= maxAgeMs) {
      const state = read();
      cached = { at: now, state };
      // A failed read is not kept: the next scrape tries again.
      state.catch(() => {
        if (cached?.state === state) cached = null;
      });
    }
    return cached.state;
  };
  const gauge = (name: string, help: string, labelNames: string[], samples: (state: MetricsState) => Sample[]): void => {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        // Redis down: these gauges go missing for the scrape (and state_up says why); the counters still answer.
        const state = await current().catch(() => null);
        if (state) for (const sample of samples(state)) this.set(sample.labels, sample.value);
      },
    });
  };

  new Gauge({
    name: "merge_discipline_state_up",
    help: "1 when the shared state (Redis) could be read for this scrape's gauges, else 0.",
    registers: [registry],
    async collect() {
      this.set((await current().then(() => 1, () => 0)));
    },
  });

  gauge("merge_discipline_queue_jobs", "Jobs in the shared BullMQ queue, by state.", ["state"], (s) =>
    QUEUE_STATES.map((state) => ({ labels: { state }, value: s.queue.counts[state] ?? 0 })),
  );
  gauge("merge_discipline_queue_oldest_waiting_seconds", "How long the longest-waiting runnable job has been ready to run.", [], (s) => [
    { labels: {}, value: s.queue.oldestWaitingSeconds },
  ]);
  gauge("merge_discipline_write_budget_used", "Write slots an installation holds in the budget's minute and hour windows (limits 80/min, 500/h).", ["installation", "window"], (s) => s.budget);
  gauge(
    "merge_discipline_security_patches_stale",
    "Open security patches past their first reminder, by repository, severity and SLA state (reminded, overdue, snoozed).",
    ["repository", "severity", "sla_state"],
    (s) => s.stale,
  );
  gauge("merge_discipline_security_alerts_without_pr", "Open Dependabot alerts past their SLA with no open PR fixing them.", ["repository", "severity"], (s) => s.alertsWithoutPr);
  gauge("merge_discipline_security_patch_oldest_age_seconds", "Age of the repository's oldest stale security patch (0: none).", ["repository"], (s) => s.oldestStale);
}

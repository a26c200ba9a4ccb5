// The end-to-end rig: the real app (same startApp as `npm start`), a real Redis of its own, the fake
// GitHub over HTTP, and webhooks signed with the real HMAC.
import { generateKeyPairSync } from "node:crypto";
import { ProbotOctokit } from "probot";
import { startApp, type RunningApp } from "../../src/start-app.js";
import { startFakeGitHub, type FakeGitHub } from "../fake-github/index.js";
import { startRedis, type TestRedis } from "./redis-server.js";
import { deliverWebhook, type DeliveryResult } from "./sign-webhook.js";

export const WEBHOOK_SECRET = "test-webhook-secret";

let cachedKey: string | undefined;
function privateKey(): string {
  cachedKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return cachedKey;
}

/** Probot overrides `throttle: { enabled: false }` unless given as a function (TECH-NOTES). */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown> & { throttle?: object }) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options?.throttle, enabled: false },
}));

export interface Harness {
  fake: FakeGitHub;
  redis: TestRedis;
  app: RunningApp;
  env: NodeJS.ProcessEnv;
  deliver(event: string, payload: unknown, options?: { deliveryId?: string; signatureOverride?: string | null }): Promise<DeliveryResult>;
  /** A `pull_request` webhook payload built from the fake's current state of the PR. */
  pullRequestPayload(action: string, repo: string, number: number): Record<string, unknown>;
  /** Builds a `pull_request` payload from the fake's current state of the PR and delivers it. */
  pullRequestEvent(action: string, repo: string, number: number, options?: { deliveryId?: string }): Promise<DeliveryResult>;
  /** A person comments on a PR (seeded in the fake), and GitHub sends `issue_comment.created`. */
  commentEvent(repo: string, number: number, login: string, body: string): Promise<DeliveryResult & { commentId: number }>;
  /** A click on one of the app's check-run buttons. */
  checkRunActionEvent(repo: string, number: number, identifier: string, login: string): Promise<DeliveryResult>;
  /** Another app's CI run on the PR's head, completed with `conclusion`; GitHub sends `check_run.completed`. */
  ciEvent(repo: string, number: number, conclusion: "success" | "failure"): Promise<DeliveryResult>;
  /** A CI service posts a commit status on the PR's head (seeded in the fake); GitHub sends `status`. */
  statusEvent(repo: string, number: number, context: string, state: "error" | "failure" | "pending" | "success"): Promise<DeliveryResult>;
  /** A review (seeded, or dismissed, in the fake) submitted, edited or dismissed: GitHub sends `pull_request_review`. */
  reviewEvent(action: "submitted" | "edited" | "dismissed", repo: string, number: number, reviewId: number): Promise<DeliveryResult>;
  /** A `dependabot_alert` webhook for an alert seeded in the fake. */
  alertEvent(action: string, repo: string, alertNumber: number): Promise<DeliveryResult>;
  /** GitHub's `check_suite.requested`, as it is sent for every push (here: to the default branch). */
  pushEvent(repo: string, headSha: string): Promise<DeliveryResult>;
  /** The app installed, uninstalled, suspended or unsuspended: the fake's state changes and GitHub sends `installation`. */
  installationEvent(action: "created" | "deleted" | "suspend" | "unsuspend", options?: { installationId?: number }): Promise<DeliveryResult>;
  /** Repositories added to or removed from the installation: GitHub sends `installation_repositories`. */
  repositoriesEvent(action: "added" | "removed", repos: string[], options?: { installationId?: number }): Promise<DeliveryResult>;
  /** Starts one more process-like instance of the app on the same Redis and fake (e.g. a second worker). */
  startAnotherApp(env?: NodeJS.ProcessEnv): Promise<RunningApp>;
  /**
   * Stops the app (as a deploy would) and starts it again on the same Redis. `crash`: running jobs get
   * no grace and are abandoned where they are, as when a process is killed.
   */
  restartApp(options?: { crash?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    env?: NodeJS.ProcessEnv;
    installationId?: number;
    org?: string;
    now?: () => number;
    /** Receives every log line the app writes (at the env's LOG_LEVEL), instead of stdout. */
    logLines?: string[];
  } = {},
): Promise<Harness> {
  const installationId = options.installationId ?? 1;
  const fake = await startFakeGitHub({ now: "2026-11-02T09:00:00Z" });
  fake.addInstallation({ id: installationId, account: { login: options.org ?? "acme", type: "Organization" } });
  const redis = await startRedis();
  const env: NodeJS.ProcessEnv = {
    APP_ID: String(fake.appId),
    PRIVATE_KEY: privateKey(),
    WEBHOOK_SECRET,
    GHE_HOST: fake.host,
    GHE_PROTOCOL: "http",
    REDIS_URL: redis.url,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: (process.env.TEST_LOG_LEVEL ?? "fatal") as "fatal",
    // Scenarios step event by event; the burst test sets the real debounce.
    EVALUATION_DEBOUNCE_MS: "100",
    ...options.env,
  };
  // Probot's Redis-backed request throttle opens a connection it never closes; tests disable throttling anyway.
  const logDestination = options.logLines && { write: (line: string) => void options.logLines?.push(line.trimEnd()) };
  const start = (extra: NodeJS.ProcessEnv = {}): Promise<RunningApp> =>
    startApp({ env: { ...env, ...extra }, probotOverrides: { Octokit: TestOctokit, redisConfig: undefined }, now: options.now, logDestination });
  let app = await start();
  const others: RunningApp[] = [];
  const webhookUrl = (): string => `${app.url}/api/github/webhooks`;
  // Deliveries the fake itself makes (redeliveries, sendWebhook) go where GitHub would send them: this app.
  fake.setAppWebhook({ url: webhookUrl(), secret: WEBHOOK_SECRET });
  const deliver: Harness["deliver"] = (event, payload, opts) => deliverWebhook(webhookUrl(), WEBHOOK_SECRET, event, payload, opts);
  const pullRequestPayload: Harness["pullRequestPayload"] = (action, repo, number) => ({
    action,
    number,
    pull_request: fake.pullRequestPayload(repo, number),
    repository: fake.repositoryPayload(repo),
    installation: { id: installationId, node_id: `MDIz${installationId}` },
    sender: { login: "someone", id: 1, type: "User" },
  });
  const installation = { id: installationId, node_id: `MDIz${installationId}` };
  const harness: Harness = {
    fake,
    redis,
    app,
    env,
    deliver,
    pullRequestPayload,
    pullRequestEvent: (action, repo, number, opts) => deliver("pull_request", pullRequestPayload(action, repo, number), opts),
    commentEvent: async (repo, number, login, body) => {
      const comment = fake.addComment(repo, number, { body, user: login });
      const json = fake.comments(repo, number).find((c) => c.id === comment.id);
      const result = await deliver("issue_comment", {
        action: "created",
        issue: { ...fake.issue(repo, number), pull_request: { url: `${fake.baseUrl}/repos/${repo}/pulls/${number}` } },
        comment: json,
        repository: fake.repositoryPayload(repo),
        installation,
        sender: { login, id: 4242, type: "User" },
      });
      return { ...result, commentId: comment.id };
    },
    checkRunActionEvent: (repo, number, identifier, login) => {
      const pull = fake.pull(repo, number) as { head: { sha: string } };
      const run = fake.checkRuns(repo, pull.head.sha).find((c) => c.name === "merge-discipline");
      return deliver("check_run", {
        action: "requested_action",
        check_run: { ...run, pull_requests: [{ number, head: pull.head }] },
        requested_action: { identifier },
        repository: fake.repositoryPayload(repo),
        installation,
        sender: { login, id: 4343, type: "User" },
      });
    },
    ciEvent: (repo, number, conclusion) => {
      const pull = fake.pull(repo, number) as { head: { sha: string } };
      const ci = { id: 15368, slug: "github-actions", name: "GitHub Actions" };
      const run = fake.addCheckRun(repo, { name: "build", head_sha: pull.head.sha, status: "completed", conclusion }, ci);
      return deliver("check_run", {
        action: "completed",
        check_run: { id: run.id, name: "build", head_sha: pull.head.sha, status: "completed", conclusion, app: ci, pull_requests: [{ number, head: pull.head }] },
        repository: fake.repositoryPayload(repo),
        installation,
        sender: { login: "github-actions[bot]", id: 41898282, type: "Bot" },
      });
    },
    statusEvent: (repo, number, context, state) => {
      const pull = fake.pull(repo, number) as { head: { sha: string; ref: string } };
      const status = fake.addStatus(repo, { sha: pull.head.sha, state, context, description: `${context}: ${state}` });
      // The event carries the commit and the branches whose head it is, never a pull request.
      return deliver("status", {
        id: status.id, sha: status.sha, name: repo, target_url: null, context, description: status.description, state,
        commit: { sha: status.sha }, branches: [{ name: pull.head.ref, commit: { sha: status.sha }, protected: false }],
        created_at: status.created_at, updated_at: status.updated_at,
        repository: fake.repositoryPayload(repo),
        installation,
        sender: { login: status.creator.login, id: status.creator.id, type: status.creator.type },
      });
    },
    reviewEvent: (action, repo, number, reviewId) => {
      const review = fake.reviewPayload(repo, number, reviewId) as { user: unknown };
      return deliver("pull_request_review", {
        action,
        review,
        pull_request: fake.pullRequestPayload(repo, number),
        repository: fake.repositoryPayload(repo),
        installation,
        sender: review.user,
      });
    },
    alertEvent: (action, repo, alertNumber) =>
      deliver("dependabot_alert", {
        action,
        alert: fake.alertPayload(repo, alertNumber),
        repository: fake.repositoryPayload(repo),
        installation,
        sender: { login: "github", id: 9919, type: "Bot" },
      }),
    pushEvent: (repo, headSha) => {
      const repository = fake.repositoryPayload(repo);
      return deliver("check_suite", {
        action: "requested",
        check_suite: { id: Date.now(), head_branch: repository.default_branch, head_sha: headSha, status: "queued", conclusion: null, pull_requests: [] },
        repository,
        installation,
        sender: { login: "someone", id: 1, type: "User" },
      });
    },
    installationEvent: (action, opts) => deliver("installation", fake.installationEvent(opts?.installationId ?? installationId, action)),
    repositoriesEvent: (action, repos, opts) =>
      deliver("installation_repositories", fake.installationRepositoriesEvent(opts?.installationId ?? installationId, action, repos)),
    startAnotherApp: async (extra = {}) => {
      const other = await start(extra);
      others.push(other);
      return other;
    },
    restartApp: async (opts = {}) => {
      await app.stop(opts.crash ? { graceMs: 0 } : {});
      app = await start();
      harness.app = app;
      fake.setAppWebhook({ url: webhookUrl(), secret: WEBHOOK_SECRET });
    },
    stop: async () => {
      try {
        for (const other of others) await other.stop();
        await app.stop();
      } finally {
        await fake.close();
        await redis.dispose();
      }
    },
  };
  return harness;
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw lastError instanceof Error ? lastError : new Error(`condition not met within ${timeoutMs} ms`);
}

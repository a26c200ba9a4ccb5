// A stateful fake of GitHub's REST and GraphQL API over real HTTP, for end-to-end tests.
// add*/set* seed state and return live records (mutate them to change state); read helpers return
// the REST shapes the API would send. See README.md next to this file.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { authRoutes, installationJson, mintToken } from "./auth.js";
import { checkRoutes, checkRunJson, newCheckRun } from "./checks.js";
import { collaboratorRoutes } from "./collaborators.js";
import { commentRoutes, newComment } from "./comments.js";
import { alertJson, dependabotRoutes, newAlert, type AlertInit } from "./dependabot.js";
import { FaultQueue, type FaultSpec } from "./faults.js";
import { graphqlRoutes } from "./graphql.js";
import { AppWebhook, type RecordedDeliveryInit, type HookDeliveryRecord } from "./hook-deliveries.js";
import { installationEvent, installationRepositoriesEvent, type InstallationAction } from "./installation-events.js";
import { issueRoutes } from "./issues.js";
import { labelRoutes, newLabel } from "./labels.js";
import { pullRoutes } from "./pulls.js";
import { protectionRoutes } from "./protection.js";
import { latestPerContext, newStatus, statusRoutes, type StatusInit } from "./statuses.js";
import { rateLimitRoutes, RateLimits } from "./rate-limit.js";
import { repoRoutes, setFileOn } from "./repos.js";
import { RequestLog, type RequestRecord } from "./request-log.js";
import { newInstallation, newRepo, newTeam, setPermissionOn, type InstallationInit, type RepoInit } from "./seed.js";
import { addCommitTo, addReviewTo, newIssue, newPull, type CommitInit, type IssueInit, type PullInit, type ReviewInit } from "./seed-issues.js";
import { commentJson, issueJson, repoJson } from "./serialize.js";
import { pullJson, reviewJson } from "./serialize-pull.js";
import { createRequestHandler } from "./server.js";
import { FakeState, type TeamRecord } from "./state.js";
import type {
  AccessLevel, AlertRecord, AppRef, CheckRunRecord, CommentRecord, CommitRecord, InstallationRecord, IssueRecord,
  LabelRecord, PullFileRecord, PullRecord, RepoPermission, RepoRecord, RequiredChecksRecord, ReviewRecord, RulesetRecord,
  StatusRecord, Timestamp, UserInit,
} from "./types.js";

export { primaryRateLimit, secondaryRateLimit, type FaultSpec } from "./faults.js";
export type { RequestRecord } from "./request-log.js";
export type { RecordedDeliveryInit, HookDeliveryRecord } from "./hook-deliveries.js";
export type * from "./types.js";
export type { StatusInit };
export type { AlertInit, CommitInit, InstallationInit, IssueInit, PullInit, RepoInit, ReviewInit };

export interface FakeGitHubOptions {
  /** the app's id; when given, JWTs must carry it as `iss` (default 1, any issuer accepted) */
  appId?: number;
  appSlug?: string;
  appName?: string;
  botUserId?: number;
  /** the fake clock's start (default 2025-01-15T12:00:00Z) */
  now?: Date | string;
  /** base of html_url links (default the fake's own http://127.0.0.1:PORT, as on GHES) */
  webUrl?: string;
}

export type JsonObject = Record<string, unknown>;

export class FakeGitHub {
  readonly state: FakeState;
  private readonly log = new RequestLog();
  private readonly faults = new FaultQueue();
  private readonly limits = new RateLimits();
  private readonly latency: { method?: string; path: RegExp; ms: number }[] = [];
  private readonly hook: AppWebhook;
  private readonly server = createServer();
  host = "";
  baseUrl = "";
  graphqlUrl = "";

  constructor(opts: FakeGitHubOptions = {}) {
    const appId = opts.appId ?? 1;
    this.state = new FakeState({
      appId, appSlug: opts.appSlug ?? "merge-discipline", appName: opts.appName ?? "merge-discipline",
      botUserId: opts.botUserId ?? 150_000_001, expectedIssuer: opts.appId ?? null, apiUrl: "", webUrl: opts.webUrl ?? "",
    }, new Date(opts.now ?? "2025-01-15T12:00:00Z"));
    this.hook = new AppWebhook(this.state);
    const routes = [...authRoutes, ...this.hook.routes(), ...repoRoutes, ...pullRoutes, ...issueRoutes, ...commentRoutes, ...labelRoutes,
      ...checkRoutes, ...statusRoutes, ...protectionRoutes, ...collaboratorRoutes, ...dependabotRoutes, ...graphqlRoutes, ...rateLimitRoutes(this.limits)];
    this.server.on("request", createRequestHandler({ state: this.state, routes, log: this.log, faults: this.faults, limits: this.limits, latency: this.latency }));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.host = `127.0.0.1:${port}`;
    this.baseUrl = `http://${this.host}/api/v3`;
    this.graphqlUrl = `http://${this.host}/api/graphql`;
    this.state.config.apiUrl = this.baseUrl;
    this.state.config.webUrl ||= `http://${this.host}`;
    return this;
  }

  /** Keep-alive sockets from fetch would hold close() open; they are cut. */
  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }

  get appId(): number { return this.state.config.appId; }
  get botLogin(): string { return this.state.botUser().login; }

  // ── clock ──
  setNow(date: Date | string): void { this.state.setNow(date); }
  now(): Date { return this.state.now(); }
  advance(ms: number): void { this.state.advance(ms); }

  // ── seeding ──
  addInstallation(init: InstallationInit): InstallationRecord { return newInstallation(this.state, init); }
  addRepo(init: RepoInit): RepoRecord { return newRepo(this.state, init); }
  addPullRequest(repo: string, init: PullInit = {}): PullRecord { return newPull(this.state, this.state.requireRepo(repo), init); }
  addIssue(repo: string, init: IssueInit = {}): IssueRecord { return newIssue(this.state, this.state.requireRepo(repo), init); }
  addCommit(repo: string, number: number, init: CommitInit = {}): CommitRecord {
    return addCommitTo(this.state, this.state.requireRepo(repo), this.state.requirePull(repo, number), init);
  }
  addPullFile(repo: string, number: number, file: PullFileRecord): PullFileRecord {
    this.state.requirePull(repo, number).files.push(file);
    return file;
  }
  addReview(repo: string, number: number, init: ReviewInit): ReviewRecord {
    return addReviewTo(this.state, this.state.requirePull(repo, number), init);
  }
  /** What `PUT /pulls/{n}/reviews/{id}/dismissals` does: the review stays, its state becomes DISMISSED. */
  dismissReview(repo: string, number: number, reviewId: number): ReviewRecord {
    const review = this.state.requirePull(repo, number).reviews.find((r) => r.id === reviewId);
    if (!review) throw new Error(`fake-github: no review ${reviewId} on ${repo}#${number}`);
    review.state = "DISMISSED";
    return review;
  }
  addComment(repo: string, number: number, init: { body: string; user?: UserInit; created_at?: Timestamp }): CommentRecord {
    this.state.requireIssue(repo, number);
    const user = this.state.user(init.user ?? "octocat");
    return newComment(this.state, this.state.requireRepo(repo), number, init.body, user, init.created_at);
  }
  addLabel(repo: string, name: string, opts: { color?: string; description?: string } = {}): LabelRecord {
    return newLabel(this.state, this.state.requireRepo(repo), name, opts);
  }
  /** A check run from this app, or from another (`app`) such as CI. */
  addCheckRun(repo: string, body: JsonObject & { name: string; head_sha: string }, app?: AppRef): CheckRunRecord {
    return newCheckRun(this.state, this.state.requireRepo(repo), body, app);
  }
  /** A commit status, as a CI service (by default "jenkins-bot") posts it with `POST /statuses/{sha}`. */
  addStatus(repo: string, init: Omit<StatusInit, "creator"> & { creator?: UserInit }): StatusRecord {
    const { creator, ...rest } = init;
    return newStatus(this.state, this.state.requireRepo(repo), { ...rest, ...(creator ? { creator: this.state.user(creator) } : {}) });
  }
  /**
   * Classic branch protection on `branch`: `null` unprotects it; `{ contexts: [] }`-less protection
   * (`requiredChecks: null`) protects it without required status checks.
   */
  setBranchProtection(repo: string, branch: string, protection: { requiredChecks: Partial<RequiredChecksRecord> | null } | null): void {
    const r = this.state.requireRepo(repo);
    if (protection === null) r.protection.delete(branch);
    else {
      const checks = protection.requiredChecks;
      r.protection.set(branch, checks === null ? null : { strict: checks.strict ?? false, contexts: checks.contexts ?? [], checks: checks.checks ?? [] });
    }
  }
  /** A repository ruleset; by default active on the default branch. */
  addRuleset(repo: string, init: Partial<Omit<RulesetRecord, "id">> & { rules: RulesetRecord["rules"] }): RulesetRecord {
    const ruleset: RulesetRecord = {
      id: this.state.nextId("ruleset"), name: init.name ?? "ruleset", enforcement: init.enforcement ?? "active",
      include: init.include ?? ["~DEFAULT_BRANCH"], exclude: init.exclude ?? [], rules: init.rules,
    };
    this.state.requireRepo(repo).rulesets.push(ruleset);
    return ruleset;
  }
  /** Returns the sha of the commit that wrote it (on the default branch). */
  setFile(repo: string, path: string, content: string, opts: { ref?: string } = {}): string {
    return setFileOn(this.state, this.state.requireRepo(repo), path, content, opts.ref);
  }
  setPermission(repo: string, login: UserInit, permission: RepoPermission): void {
    setPermissionOn(this.state, this.state.requireRepo(repo), login, permission);
  }
  addDependabotAlert(repo: string, init: AlertInit): AlertRecord { return newAlert(this.state, this.state.requireRepo(repo), init); }
  addTeam(org: string, slug: string, members: UserInit[], opts: { maintainers?: UserInit[] } = {}): TeamRecord {
    return newTeam(this.state, org, slug, members, opts.maintainers);
  }
  /** A token as POST /app/installations/{id}/access_tokens would mint, for plain Octokit clients. */
  createInstallationToken(installationId: number, permissions?: Record<string, AccessLevel>): string {
    const installation = this.state.installations.get(installationId);
    if (!installation) throw new Error(`fake-github: no installation ${installationId}`);
    return mintToken(this.state, installation, permissions).token;
  }
  /** Revoke every token minted so far (for one installation, or all): the next call gets 401. */
  revokeTokens(installationId?: number): void {
    for (const [token, info] of this.state.tokens) {
      if (installationId === undefined || info.installationId === installationId) this.state.tokens.delete(token);
    }
  }
  /** Shrink the primary rate limit of an installation (or "app" for JWT calls). */
  setRateLimit(installationId: number | "app", opts: { limit?: number; remaining?: number }): void {
    this.limits.set(installationId === "app" ? "app" : `installation:${installationId}`, opts);
  }

  // ── installation lifecycle (state change + the webhook payload GitHub sends for it) ──
  /** "created" for an installation seeded with addInstallation; "deleted" removes it. */
  installationEvent(id: number, action: InstallationAction): JsonObject { return installationEvent(this.state, id, action); }
  installationRepositoriesEvent(id: number, action: "added" | "removed", repos: string[]): JsonObject {
    return installationRepositoriesEvent(this.state, id, action, repos);
  }

  // ── the app's webhook: deliveries GitHub made, failed or not, and their redelivery ──
  /** Where GitHub sends the app's webhooks (the app's webhook URL and secret), used by every delivery the fake makes. */
  setAppWebhook(target: { url: string; secret: string }): void { this.hook.target = target; }
  /** GitHub sends the event to the app now; the delivery is recorded with the app's answer (or "failed to connect"). */
  sendWebhook(event: string, payload: JsonObject, opts: { guid?: string } = {}): Promise<HookDeliveryRecord> {
    return this.hook.deliver(event, payload, opts);
  }
  /**
   * A delivery in GitHub's log that the app never saw: by default a failure (502 "failed to connect", the app
   * was down); `status_code: 200` logs one as delivered without sending it.
   */
  recordDelivery(event: string, payload: JsonObject, init: RecordedDeliveryInit = {}): HookDeliveryRecord {
    return this.hook.recordDelivery(event, payload, init);
  }
  /** Someone clicks "Redeliver" in the app's settings: sent now under the same guid, recorded with redelivery: true. */
  redeliverNow(deliveryId: number): Promise<HookDeliveryRecord> { return this.hook.redeliver(deliveryId); }
  /** Every delivery recorded, oldest first. */
  hookDeliveries(): readonly HookDeliveryRecord[] { return this.hook.deliveries; }
  /** Waits until every redelivery accepted by POST …/attempts has been sent and recorded. */
  redeliveriesSettled(): Promise<void> { return this.hook.settled(); }
  /** The window POST …/attempts accepts (default 7 days, as on GHES; github.com: 3). */
  setRedeliveryWindow(ms: number): void { this.hook.windowMs = ms; }

  // ── reads (REST shapes) ──
  pull(repo: string, number: number): JsonObject {
    return pullJson(this.state, this.state.requireRepo(repo), this.state.requirePull(repo, number));
  }
  /** The PR object a `pull_request` webhook payload carries: the REST shape. */
  pullRequestPayload(repo: string, number: number): JsonObject { return this.pull(repo, number); }
  /** The review object a `pull_request_review` webhook carries: the REST shape with the state in lower case. */
  reviewPayload(repo: string, number: number, reviewId: number): JsonObject {
    const pr = this.state.requirePull(repo, number);
    const review = pr.reviews.find((r) => r.id === reviewId);
    if (!review) throw new Error(`fake-github: no review ${reviewId} on ${repo}#${number}`);
    return { ...reviewJson(this.state, this.state.requireRepo(repo), pr, review), state: review.state.toLowerCase() } as JsonObject;
  }
  repositoryPayload(repo: string): JsonObject { return repoJson(this.state, this.state.requireRepo(repo), true); }
  installationPayload(id: number): JsonObject {
    const installation = this.state.installations.get(id);
    if (!installation) throw new Error(`fake-github: no installation ${id}`);
    return installationJson(this.state, installation);
  }
  /** The alert object a `dependabot_alert` webhook payload carries: the REST shape. */
  alertPayload(repo: string, number: number): JsonObject {
    const r = this.state.requireRepo(repo);
    const alert = r.alerts.get(number);
    if (!alert) throw new Error(`fake-github: no alert ${number} in ${repo}`);
    return alertJson(this.state, r, alert);
  }
  issue(repo: string, number: number): JsonObject {
    return issueJson(this.state, this.state.requireRepo(repo), this.state.requireIssue(repo, number));
  }
  /** Issues only (no pull requests), oldest first. */
  issues(repo: string): JsonObject[] {
    const r = this.state.requireRepo(repo);
    return [...r.issues.values()].filter((i) => i.kind === "issue").map((i) => issueJson(this.state, r, i));
  }
  comments(repo: string, number: number): JsonObject[] {
    const r = this.state.requireRepo(repo);
    return [...r.comments.values()].filter((c) => c.issueNumber === number).map((c) => commentJson(this.state, r, c));
  }
  labels(repo: string, number: number): string[] { return [...this.state.requireIssue(repo, number).labels]; }
  checkRuns(repo: string, sha?: string): JsonObject[] {
    const r = this.state.requireRepo(repo);
    return [...r.checkRuns.values()].filter((c) => sha === undefined || c.head_sha === sha).map((c) => checkRunJson(this.state, r, c));
  }

  /** The newest status per context on a commit, as the combined status lists them. */
  statuses(repo: string, sha: string): StatusRecord[] { return latestPerContext(this.state.requireRepo(repo), sha); }

  // ── request log ──
  get requests(): readonly RequestRecord[] { return this.log.records; }
  requestsMatching(method: string, path: RegExp): RequestRecord[] { return this.log.matching(method, path); }
  /** POST/PATCH/PUT/DELETE and GraphQL mutations; token exchanges excluded. */
  writeCount(opts: { succeededOnly?: boolean } = {}): number { return this.log.writeCount(opts); }
  /** Requests for endpoints or GraphQL fields the fake does not implement. */
  unhandled(): RequestRecord[] { return this.log.records.filter((r) => r.unhandled); }
  resetLog(): void { this.log.reset(); }

  // ── error injection ──
  /** Every matching request waits `ms` before it is answered (a slow GitHub), until clearLatency(). */
  slowDown(spec: { method?: string; path: RegExp; ms: number }): void { this.latency.push(spec); }
  clearLatency(): void { this.latency.length = 0; }
  failNext(spec: FaultSpec): void { this.faults.add(spec); }
  pendingFaults(): number { return this.faults.pending(); }
  clearFaults(): void { this.faults.clear(); }
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return new FakeGitHub(opts).listen();
}

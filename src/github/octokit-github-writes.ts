import { createHash } from "node:crypto";
import type { ProbotOctokit } from "probot";
import {
  checkCheckRunSpec, checkCommentLength, checkMarker, checkMarkerPrefix, type MarkedIssue,
  type CheckRunAction, type CheckRunSpec, type EnsureOutcome, type GitHubWrites, type RepoName,
} from "./github-writes.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

interface ExistingRun {
  id: number;
  status: string;
  conclusion: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
}

/**
 * GitHub never returns a check run's actions, so a fingerprint of them rides along at the end of the
 * summary, hidden as an HTML comment; a run without actions carries none.
 */
const ACTIONS_TAG = "merge-discipline:check-actions:";

function withActionsFingerprint(summary: string, actions: readonly CheckRunAction[]): string {
  if (actions.length === 0) return summary;
  const hash = createHash("sha256").update(JSON.stringify(actions.map((a) => [a.label, a.description, a.identifier]))).digest("hex");
  return `${summary}\n\n<!-- ${ACTIONS_TAG}${hash.slice(0, 16)} -->`;
}

/** GitHub may hand text back with CRLF or without trailing whitespace; neither is a change worth a write. */
function same(stored: string | null | undefined, wanted: string | null | undefined): boolean {
  const norm = (s: string | null | undefined): string => (s ?? "").replace(/\r\n/g, "\n").trimEnd();
  return norm(stored) === norm(wanted);
}

function isStatus(error: unknown, status: number): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === status;
}

export class OctokitGitHubWrites implements GitHubWrites {
  private readonly octokit: Octokit;
  private readonly botLogin: string;
  private readonly appSlug: string;

  constructor(options: { octokit: Octokit; botLogin: string }) {
    // A wrong login would make every marked comment look foreign and duplicate it on each run.
    if (!/^[^\s[\]]+\[bot\]$/.test(options.botLogin)) {
      throw new Error(`github writes: botLogin must be the app's "<slug>[bot]" login, got ${JSON.stringify(options.botLogin)}`);
    }
    this.octokit = options.octokit;
    this.botLogin = options.botLogin;
    this.appSlug = options.botLogin.slice(0, -"[bot]".length);
  }

  async findMarkedComments(repo: RepoName, number: number, markerPrefix: string): Promise<Array<{ id: number; body: string }>> {
    checkMarkerPrefix(markerPrefix);
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
    return comments
      .filter((c) => c.user?.login === this.botLogin && c.user.type === "Bot" && c.body?.includes(markerPrefix))
      .map((c) => ({ id: c.id, body: c.body ?? "" }));
  }

  async ensureComment(repo: RepoName, number: number, marker: string, body: string): Promise<EnsureOutcome> {
    checkMarker(marker);
    // Callers usually render the marker into the body themselves; one that did not gets it on top.
    const wanted = body.includes(marker) ? body : `${marker}\n${body}`;
    checkCommentLength(wanted);
    const mine = await this.findMarkedComments(repo, number, marker);
    const existing = mine[0];
    if (!existing) {
      await this.octokit.rest.issues.createComment({ ...repo, issue_number: number, body: wanted });
      return "created";
    }
    if (same(existing.body, wanted)) return "unchanged";
    await this.octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body: wanted });
    return "updated";
  }

  async ensureLabels(repo: RepoName, number: number, labels: string[]): Promise<string[]> {
    const wanted = new Map<string, string>();
    for (const label of labels) if (!wanted.has(label.toLowerCase())) wanted.set(label.toLowerCase(), label);
    if (wanted.size === 0) return [];
    // An issue holds at most 100 labels, so one page has them all.
    const { data } = await this.octokit.rest.issues.listLabelsOnIssue({ ...repo, issue_number: number, per_page: 100 });
    for (const label of data) wanted.delete(label.name.toLowerCase());
    const missing = [...wanted.values()];
    if (missing.length > 0) await this.octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: missing });
    return missing;
  }

  async removeLabel(repo: RepoName, number: number, label: string): Promise<boolean> {
    try {
      await this.octokit.rest.issues.removeLabel({ ...repo, issue_number: number, name: label });
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  async ensureCheckRun(repo: RepoName, headSha: string, run: CheckRunSpec): Promise<EnsureOutcome> {
    const actions = run.actions ?? [];
    const summary = withActionsFingerprint(run.summary, actions);
    checkCheckRunSpec(run, summary.length);
    const [existing, ...duplicates] = await this.findCheckRuns(repo, headSha, run.name);
    const fields = {
      status: run.status,
      ...(run.conclusion ? { conclusion: run.conclusion } : {}),
      output: { title: run.title, summary, ...(run.text !== undefined ? { text: run.text } : {}) },
      ...(run.detailsUrl !== undefined ? { details_url: run.detailsUrl } : {}),
      ...(run.externalId !== undefined ? { external_id: run.externalId } : {}),
    };
    if (!existing) {
      await this.octokit.rest.checks.create({ ...repo, head_sha: headSha, name: run.name, ...fields, ...(actions.length ? { actions } : {}) });
      return "created";
    }
    let outcome: EnsureOutcome = "unchanged";
    // Duplicates cannot be deleted; they are brought to the same state, so none is left showing old news.
    for (const current of [existing, ...duplicates]) {
      if (!this.differs(current, run, summary)) continue;
      // GitHub may keep the old text when an update leaves it out; "" clears it for sure. An empty list
      // clears the buttons of a run that had some.
      const output = run.text === undefined && current.output.text ? { ...fields.output, text: "" } : fields.output;
      await this.octokit.rest.checks.update({ ...repo, check_run_id: current.id, ...fields, output, actions });
      outcome = "updated";
    }
    return outcome;
  }

  async hasCheckRun(repo: RepoName, headSha: string, name: string): Promise<boolean> {
    return (await this.findCheckRuns(repo, headSha, name)).length > 0;
  }

  /**
   * The app's runs named `name` on `headSha`, newest first. `filter=all`, because a race elsewhere may
   * have left two: `latest` would show only one, and the other would keep its old conclusion forever.
   */
  private async findCheckRuns(repo: RepoName, headSha: string, name: string): Promise<ExistingRun[]> {
    const runs = await this.octokit.paginate(this.octokit.rest.checks.listForRef, { ...repo, ref: headSha, check_name: name, filter: "all", per_page: 100 });
    return runs
      .filter((r) => r.name === name && r.app?.slug === this.appSlug)
      .map((r) => ({ ...r, id: Number(r.id) }))
      .sort((a, b) => b.id - a.id);
  }

  private differs(existing: ExistingRun, run: CheckRunSpec, summary: string): boolean {
    return (
      existing.status !== run.status ||
      (existing.conclusion ?? null) !== (run.conclusion ?? null) ||
      !same(existing.output.title, run.title) ||
      !same(existing.output.summary, summary) ||
      !same(existing.output.text, run.text) ||
      (run.detailsUrl !== undefined && existing.details_url !== run.detailsUrl) ||
      (run.externalId !== undefined && existing.external_id !== run.externalId)
    );
  }

  async addReaction(repo: RepoName, commentId: number, content: "+1" | "-1" | "eyes" | "confused" | "rocket"): Promise<void> {
    await this.octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
  }

  async findMarkedIssues(repo: RepoName, label: string, markerPrefix: string): Promise<MarkedIssue[]> {
    checkMarkerPrefix(markerPrefix);
    // Newest first and one page: a weekly digest has years of history before 100 issues pile up.
    const { data } = await this.octokit.rest.issues.listForRepo({
      ...repo, state: "all", labels: label, creator: this.botLogin, sort: "created", direction: "desc", per_page: 100,
    });
    return data
      .filter((issue) => !issue.pull_request && issue.user?.login === this.botLogin && (issue.body ?? "").includes(markerPrefix))
      .map((issue) => ({ number: issue.number, state: issue.state === "closed" ? "closed" : "open", title: issue.title, body: issue.body ?? "", url: issue.html_url }));
  }

  async createIssue(repo: RepoName, issue: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<MarkedIssue> {
    checkCommentLength(issue.body);
    const { data } = await this.octokit.rest.issues.create({ ...repo, ...issue });
    return { number: data.number, state: "open", title: data.title, body: data.body ?? "", url: data.html_url };
  }

  async closeIssue(repo: RepoName, number: number): Promise<void> {
    await this.octokit.rest.issues.update({ ...repo, issue_number: number, state: "closed", state_reason: "completed" });
  }
}

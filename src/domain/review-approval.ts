// Whether a pull request is approved, from the latest review each reviewer left. GitHub counts a reviewer's
// latest review that is not a plain comment; a dismissed one no longer counts, and an approval of an earlier
// commit than the head is stale (branch protection may or may not still honour it).

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";

export interface ReviewFact {
  reviewer: string;
  state: ReviewState;
  commitId: string;
  /** Epoch milliseconds, GitHub's `submitted_at`. */
  submittedAt: number;
}

export interface Approval {
  /** Reviewers whose latest review approves the head commit, earliest first. */
  by: string[];
  /** When the first current approval was given. */
  at: number;
  /** True when every approval is of an earlier commit than the head. */
  stale: boolean;
}

/** Webhooks spell states in lower case ("approved"), the REST API in upper case; anything else is not a review state. */
export function reviewStateOf(raw: unknown): ReviewState | null {
  const state = typeof raw === "string" ? raw.toUpperCase() : "";
  return state === "APPROVED" || state === "CHANGES_REQUESTED" || state === "COMMENTED" || state === "DISMISSED" ? state : null;
}

/** The review that stands for its reviewer: a later one replaces an earlier one; comments never replace. */
export function supersedes(next: ReviewFact, current: ReviewFact | undefined): boolean {
  if (next.state === "COMMENTED") return false;
  return current === undefined || next.submittedAt >= current.submittedAt;
}

/**
 * Null when nobody's standing review approves, or someone's standing review requests changes (GitHub
 * then blocks the merge whatever the approvals say).
 */
export function approvalOf(reviews: readonly ReviewFact[], headSha: string): Approval | null {
  const latest = new Map<string, ReviewFact>();
  for (const review of reviews) {
    const key = review.reviewer.toLowerCase();
    if (supersedes(review, latest.get(key))) latest.set(key, review);
  }
  const standing = [...latest.values()];
  if (standing.some((review) => review.state === "CHANGES_REQUESTED")) return null;
  const approvals = standing.filter((review) => review.state === "APPROVED").sort((a, b) => a.submittedAt - b.submittedAt);
  if (approvals.length === 0) return null;
  const current = approvals.filter((review) => review.commitId === headSha);
  const shown = current.length > 0 ? current : approvals;
  return { by: shown.map((review) => review.reviewer), at: shown[0]!.submittedAt, stale: current.length === 0 };
}

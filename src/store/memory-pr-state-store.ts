import { refKey, type PullRequestRef } from "../domain/pull-request-record.js";
import { supersedes, type ReviewFact } from "../domain/review-approval.js";
import { EMPTY_PR_STATE, type PrReviews, type PrState, type PrStateStore } from "./pr-state-store.js";

export class MemoryPrStateStore implements PrStateStore {
  private readonly states = new Map<string, PrState>();
  private readonly reviews = new Map<string, Map<string, ReviewFact>>();

  async get(ref: PullRequestRef): Promise<PrState & PrReviews> {
    const reviews = [...(this.reviews.get(refKey(ref))?.values() ?? [])];
    return structuredClone({ ...(this.states.get(refKey(ref)) ?? EMPTY_PR_STATE), reviews });
  }

  async recordReview(ref: PullRequestRef, review: ReviewFact): Promise<void> {
    const byReviewer = this.reviews.get(refKey(ref)) ?? new Map<string, ReviewFact>();
    const key = review.reviewer.toLowerCase();
    if (supersedes(review, byReviewer.get(key))) byReviewer.set(key, structuredClone(review));
    this.reviews.set(refKey(ref), byReviewer);
  }

  async set<K extends keyof PrState>(ref: PullRequestRef, field: K, value: PrState[K]): Promise<void> {
    const state = { ...(this.states.get(refKey(ref)) ?? EMPTY_PR_STATE), [field]: value };
    this.states.set(refKey(ref), structuredClone(state));
  }
}

import { refKey, type PullRequestRef } from "../domain/pull-request-record.js";
import { EMPTY_PR_STATE, type PrState, type PrStateStore } from "./pr-state-store.js";

export class MemoryPrStateStore implements PrStateStore {
  private readonly states = new Map<string, PrState>();

  async get(ref: PullRequestRef): Promise<PrState> {
    return structuredClone(this.states.get(refKey(ref)) ?? EMPTY_PR_STATE);
  }

  async set<K extends keyof PrState>(ref: PullRequestRef, field: K, value: PrState[K]): Promise<void> {
    const state = { ...(this.states.get(refKey(ref)) ?? EMPTY_PR_STATE), [field]: value };
    this.states.set(refKey(ref), structuredClone(state));
  }
}

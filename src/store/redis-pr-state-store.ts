import type { Redis } from "ioredis";
import type { PullRequestRef } from "../domain/pull-request-record.js";
import type { ReviewFact } from "../domain/review-approval.js";
import { EMPTY_PR_STATE, type PrReviews, type PrState, type PrStateStore } from "./pr-state-store.js";
import { DEFAULT_KEY_PREFIX } from "./redis-keys.js";

// Compare-and-set per reviewer, so two deliveries for one reviewer racing each other keep the later review
// (the same rule as `supersedes`; comments are never sent here).
const RECORD_REVIEW = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current).submittedAt > tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

export class RedisPrStateStore implements PrStateStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string = DEFAULT_KEY_PREFIX,
  ) {}

  // Both under the repo's key space, so forgetting a repository or an installation sweeps them (redis-keys.ts).
  private key(ref: PullRequestRef): string {
    return `${this.prefix}:repo:${ref.installationId}:${ref.repoId}:pr:${ref.number}:state`;
  }

  private reviewsKey(ref: PullRequestRef): string {
    return `${this.prefix}:repo:${ref.installationId}:${ref.repoId}:pr:${ref.number}:reviews`;
  }

  async get(ref: PullRequestRef): Promise<PrState & PrReviews> {
    const [fields, reviews] = await Promise.all([this.redis.hgetall(this.key(ref)), this.redis.hvals(this.reviewsKey(ref))]);
    const state: PrState = { ...EMPTY_PR_STATE };
    for (const name of Object.keys(EMPTY_PR_STATE) as Array<keyof PrState>) {
      const json = fields[name];
      if (json) (state as unknown as Record<string, unknown>)[name] = JSON.parse(json);
    }
    return { ...state, reviews: reviews.map((json) => JSON.parse(json) as ReviewFact) };
  }

  async recordReview(ref: PullRequestRef, review: ReviewFact): Promise<void> {
    if (review.state === "COMMENTED") return;
    await this.redis.eval(RECORD_REVIEW, 1, this.reviewsKey(ref), review.reviewer.toLowerCase(), String(review.submittedAt), JSON.stringify(review));
  }

  async set<K extends keyof PrState>(ref: PullRequestRef, field: K, value: PrState[K]): Promise<void> {
    if (value === null) await this.redis.hdel(this.key(ref), field);
    else await this.redis.hset(this.key(ref), field, JSON.stringify(value));
  }
}

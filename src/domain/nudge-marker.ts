// The hidden marker that lets the app find its own nudges again (idempotent posting, "already posted?").
// Ids are restricted so a marker can never close its HTML comment early or smuggle text into one.

export interface NudgeMarker {
  stageId: string;
  lineageId: string;
}

const ID = "[A-Za-z0-9%._-]{1,64}";
const ID_ONLY = new RegExp(`^${ID}$`);
const MARKER = new RegExp(`<!-- merge-discipline:nudge stage=(${ID}) lineage=(${ID}) -->`, "g");

/** GitHub caps comment bodies at 65,536 characters; a longer body did not come from GitHub. */
const MAX_BODY = 65_536;

export function isMarkerId(id: string): boolean {
  return ID_ONLY.test(id);
}

/** Throws a RangeError for an id outside `[A-Za-z0-9%._-]{1,64}`: ids come from validated config and hashes. */
export function nudgeMarker({ stageId, lineageId }: NudgeMarker): string {
  for (const id of [stageId, lineageId]) {
    if (!isMarkerId(id)) throw new RangeError(`invalid nudge marker id: ${JSON.stringify(id.slice(0, 80))}`);
  }
  return `<!-- merge-discipline:nudge stage=${stageId} lineage=${lineageId} -->`;
}

export function parseNudgeMarkers(body: string): NudgeMarker[] {
  return [...body.slice(0, MAX_BODY).matchAll(MARKER)].map((match) => ({
    stageId: match[1] ?? "",
    lineageId: match[2] ?? "",
  }));
}

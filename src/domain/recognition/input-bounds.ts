// How much of a title and a body recognition reads. Whatever arrives, every reader sees at most this much,
// so the cost of recognising one PR has a fixed ceiling even for text that never came from GitHub.

/** GitHub refuses PR titles over 256 characters; bots' titles are far shorter. Four times that is plenty. */
export const MAX_TITLE = 1_024;

/** GitHub caps PR bodies (and the bots their commit messages) at 65,536 characters; twice that is plenty. */
export const MAX_BODY = 131_072;

export function boundedTitle(title: string): string {
  return title.length > MAX_TITLE ? title.slice(0, MAX_TITLE) : title;
}

export function boundedText(text: string): string {
  return text.length > MAX_BODY ? text.slice(0, MAX_BODY) : text;
}

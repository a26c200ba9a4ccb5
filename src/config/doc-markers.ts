// The generated reference lives between two HTML comments, so the rest of README.md stays hand-written.
export const REFERENCE_START = "<!-- config-reference:start -->";
export const REFERENCE_END = "<!-- config-reference:end -->";

function markerRange(text: string): { from: number; to: number } | null {
  const start = text.indexOf(REFERENCE_START);
  const end = text.indexOf(REFERENCE_END);
  if (start === -1 || end === -1 || end < start) return null;
  return { from: start + REFERENCE_START.length, to: end };
}

/** The text between the markers, or null when the markers are missing. */
export function sectionBetweenMarkers(text: string): string | null {
  const range = markerRange(text);
  return range === null ? null : text.slice(range.from, range.to);
}

/** `text` with the section between the markers replaced, or null when the markers are missing. */
export function replaceBetweenMarkers(text: string, section: string): string | null {
  const range = markerRange(text);
  return range === null ? null : `${text.slice(0, range.from)}\n${section}${text.slice(range.to)}`;
}

/** A whole file around a section, for when there is no README to hold it. */
export function documentWithSection(title: string, section: string): string {
  return `# ${title}\n\n${REFERENCE_START}\n${section}${REFERENCE_END}\n`;
}

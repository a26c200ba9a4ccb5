/** The example file with its commented-out examples (`# by_class:` and the lines under it) switched on. */
export const uncommentExamples = (yaml: string): string => yaml.replace(/^( *)# (?=[\w.-]+:| {2}|- )/gm, "$1");

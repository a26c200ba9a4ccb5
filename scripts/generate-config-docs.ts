// Writes the config reference and JSON Schema generated from src/config/schema.ts (`npm run docs:config`).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { replaceBetweenMarkers, REFERENCE_END, REFERENCE_START } from "../src/config/doc-markers.js";
import { CONFIGURATION_FILE, configurationFileText, README_FILE, SCHEMA_FILE, schemaFileText } from "../src/config/doc-files.js";
import { configReferenceMarkdown } from "../src/config/generate-docs.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function write(relative: string, text: string): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  const unchanged = existsSync(path) && readFileSync(path, "utf8") === text;
  if (!unchanged) writeFileSync(path, text);
  process.stdout.write(`${unchanged ? "unchanged" : "wrote"} ${relative}\n`);
}

write(SCHEMA_FILE, schemaFileText());
write(CONFIGURATION_FILE, configurationFileText());

const readmePath = join(root, README_FILE);
const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : null;
const updated = readme === null ? null : replaceBetweenMarkers(readme, configReferenceMarkdown());
if (updated === null) {
  process.stdout.write(
    `note: ${README_FILE} ${readme === null ? "does not exist" : "has no reference markers"}; the reference is in ${CONFIGURATION_FILE}. ` +
      `Put ${REFERENCE_START} and ${REFERENCE_END} in ${README_FILE} to keep a copy there.\n`,
  );
} else {
  write(README_FILE, updated);
}

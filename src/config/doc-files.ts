// Where the generated docs live and what they must contain; shared by the generator script and the drift test.
import { documentWithSection } from "./doc-markers.js";
import { configJsonSchema, configReferenceMarkdown } from "./generate-docs.js";

export const SCHEMA_FILE = "docs/merge-discipline.schema.json";
export const CONFIGURATION_FILE = "docs/CONFIGURATION.md";
export const README_FILE = "README.md";
export const REGENERATE_COMMAND = "npm run docs:config";

export const schemaFileText = (): string => `${JSON.stringify(configJsonSchema(), null, 2)}\n`;

export const configurationFileText = (): string => documentWithSection("Configuration reference", configReferenceMarkdown());

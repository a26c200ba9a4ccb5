// The two published views of the schema: the JSON Schema for editors and the README reference for people.
import { fieldJsonSchema } from "./json-schema.js";
import { referenceMarkdown } from "./reference-markdown.js";
import { CONFIG_SCHEMA } from "./schema.js";

export function configJsonSchema(): object {
  const schema = fieldJsonSchema(CONFIG_SCHEMA);
  const properties = { ...(schema.properties as Record<string, unknown>) };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "merge-discipline configuration (.github/merge-discipline.yml)",
    ...schema,
    // Removed again by Probot before the app sees it, but legal in the file.
    properties: { _extends: { type: "string", description: 'Inherit from another repository\'s file, e.g. ".github".' }, ...properties },
    type: "object",
  };
}

export function configReferenceMarkdown(): string {
  return referenceMarkdown(CONFIG_SCHEMA);
}

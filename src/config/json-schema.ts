// The schema tree as JSON Schema (draft 2020-12), for editors: completion, hovers and red squiggles.
// Ranges (10s–365d, 1%–1000%) and cross-key rules (start before end, unique stage ids) are beyond a pattern;
// the app reports those itself.
import type { AnyField, JsonSchema, Shape } from "./field.js";

/** `listItem`: an empty list item is a mistake, while an empty key just means "not set". */
export function fieldJsonSchema(field: AnyField, listItem = false): JsonSchema {
  const schema = shapeJsonSchema(field.shape);
  // Containers and optional keys are what people leave empty in YAML (`sla:` with every line commented out).
  const nullable = !listItem && (field.optional || field.shape.kind !== "leaf");
  const withNull = nullable ? allowNull(schema) : schema;
  // A mapping's default would repeat its members' defaults; editors show those on the members.
  const hasOwnDefault = field.shape.kind === "leaf" || field.shape.kind === "list";
  const withDefault = hasOwnDefault && field.default !== undefined && field.default !== null ? { default: field.default } : {};
  return { description: field.doc, ...withNull, ...withDefault };
}

function shapeJsonSchema(shape: Shape): JsonSchema {
  switch (shape.kind) {
    case "leaf":
      return { ...shape.schema };
    case "object": {
      const entries = Object.entries(shape.fields);
      const required = entries.filter(([, field]) => field.default === undefined).map(([key]) => key);
      return {
        type: "object",
        properties: Object.fromEntries(entries.map(([key, field]) => [key, fieldJsonSchema(field)])),
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: false,
      };
    }
    case "list":
      return { type: "array", items: fieldJsonSchema(shape.item, true), ...(shape.nonEmpty ? { minItems: 1 } : {}) };
    case "map":
      return { type: "object", propertyNames: { enum: shape.keys }, additionalProperties: fieldJsonSchema(shape.value) };
  }
}

function allowNull(schema: JsonSchema): JsonSchema {
  const { type, enum: values } = schema;
  return {
    ...schema,
    ...(typeof type === "string" ? { type: [type, "null"] } : {}),
    ...(Array.isArray(values) ? { enum: [...values, null] } : {}),
  };
}

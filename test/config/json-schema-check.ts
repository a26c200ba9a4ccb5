// A tiny JSON Schema checker for the keywords configJsonSchema() emits, so the schema can be tested without
// a validator dependency. Returns the instance paths that fail.
type Schema = Record<string, unknown>;

const typeOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;

const isSchema = (value: unknown): value is Schema => typeof value === "object" && value !== null && !Array.isArray(value);

export function schemaErrors(schema: Schema, value: unknown, path = ""): string[] {
  const errors: string[] = [];
  const types = schema.type === undefined ? null : ([] as unknown[]).concat(schema.type);
  if (types !== null && !types.includes(typeOf(value)) && !(types.includes("number") && typeof value === "number")) {
    return [`${path}: type ${typeOf(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: not in enum`);
  if (typeof value === "string") {
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) errors.push(`${path}: pattern`);
    if (typeof schema.minLength === "number" && value.length < schema.minLength) errors.push(`${path}: minLength`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) errors.push(`${path}: maxLength`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${path}: minimum`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${path}: maximum`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push(`${path}: minItems`);
    if (isSchema(schema.items)) value.forEach((item, index) => errors.push(...schemaErrors(schema.items as Schema, item, `${path}[${index}]`)));
  }
  if (isSchema(value)) errors.push(...objectErrors(schema, value, path));
  return errors;
}

function objectErrors(schema: Schema, value: Schema, path: string): string[] {
  const errors: string[] = [];
  const properties = isSchema(schema.properties) ? schema.properties : {};
  for (const key of Array.isArray(schema.required) ? schema.required : []) {
    if (!(String(key) in value)) errors.push(`${path}.${String(key)}: required`);
  }
  const names = isSchema(schema.propertyNames) ? schema.propertyNames : null;
  for (const [key, member] of Object.entries(value)) {
    const at = path === "" ? key : `${path}.${key}`;
    if (names !== null) errors.push(...schemaErrors(names, key, `${at} (name)`));
    const own = properties[key];
    if (isSchema(own)) errors.push(...schemaErrors(own, member, at));
    else if (schema.additionalProperties === false) errors.push(`${at}: additional property`);
    else if (isSchema(schema.additionalProperties)) errors.push(...schemaErrors(schema.additionalProperties, member, at));
  }
  return errors;
}

/**
 * Turns a documented zod object schema into a flat CSV table: its columns (name,
 * Frictionless type, description, for the data package and the column dictionary) and a row
 * builder. The published scorecard row (src/domain/balance/published-result.ts) is declared
 * once as nested JSON; this is the one place that decides how it lies flat, so the CSV header,
 * its table schema and its cells cannot disagree with the schema or with each other.
 *
 * Flattening: a nested object's own name is not repeated in its columns (quality.R1.value is
 * `R1_value`, basic.B1 is `B1`: indicator ids are unique across groups); deeper keys are
 * joined with "_". A null cell is written empty. Field metadata (PublishedFieldMeta) may leave
 * a field out or write a code's label instead of the code.
 */
import type { z } from "../domain/zod";
import type { PublishedFieldMeta } from "../domain/balance/published-result";

export type TableField = { name: string; type: "string" | "integer" | "number" | "boolean"; description: string };

type Column = TableField & { path: readonly string[]; labels?: Record<string, string> };
export type CsvTable<T> = { fields: TableField[]; row: (value: T) => Record<string, unknown> };

type Introspected = z.ZodType & { def: { type: string; innerType?: z.ZodType }; shape?: Record<string, z.ZodType>; format?: string | null };

const unwrapNullable = (s: Introspected): Introspected => (s.def.type === "nullable" ? unwrapNullable(s.def.innerType as Introspected) : s);

function leafType(schema: Introspected, path: readonly string[]): TableField["type"] {
  const s = unwrapNullable(schema);
  switch (s.def.type) {
    case "string":
    case "enum":
      return "string";
    case "boolean":
      return "boolean";
    case "number":
      return s.format === "safeint" ? "integer" : "number";
    default:
      throw new TypeError(`${path.join(".")}: no CSV type for a ${s.def.type} field`);
  }
}

function columnsOf(shape: Record<string, z.ZodType>, path: readonly string[]): Column[] {
  return Object.entries(shape).flatMap(([key, field]): Column[] => {
    const meta = field.meta() as PublishedFieldMeta | undefined;
    if (meta?.csv === "omit") return [];
    const at = [...path, key];
    const s = unwrapNullable(field as Introspected);
    if (s.def.type === "object") return columnsOf(s.shape!, at);
    if (!meta?.description) throw new TypeError(`${at.join(".")}: every published field needs a description`);
    // The outermost group's name is dropped: `quality.R1.value` → `R1_value`.
    const name = (at.length > 1 ? at.slice(1) : at).join("_");
    return [{ name, type: leafType(field as Introspected, at), description: meta.description, path: at, ...(meta.labels ? { labels: meta.labels } : {}) }];
  });
}

const at = (value: unknown, path: readonly string[]) => path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);

/** The CSV columns and row builder of an object schema whose fields carry descriptions. */
export function csvTable<S extends z.ZodObject>(schema: S): CsvTable<z.output<S>> {
  const columns = columnsOf(schema.shape, []);
  return {
    fields: columns.map(({ name, type, description }) => ({ name, type, description })),
    row: (value) =>
      Object.fromEntries(
        columns.map((c) => {
          const cell = at(value, c.path);
          return [c.name, cell === null ? "" : c.labels ? c.labels[cell as string] : cell];
        }),
      ),
  };
}

// Writes seeds/schema/*.json from the zod schemas (run after `npm run build`); a test keeps them equal.
import { writeFileSync } from "node:fs";
import { templateJsonSchema, unitListJsonSchema } from "../dist/core/plan/template-json-schema.js";

const dir = new URL("../seeds/schema/", import.meta.url);
writeFileSync(
  new URL("template.schema.json", dir),
  `${JSON.stringify(templateJsonSchema(), null, 2)}\n`,
);
writeFileSync(
  new URL("units.schema.json", dir),
  `${JSON.stringify(unitListJsonSchema(), null, 2)}\n`,
);

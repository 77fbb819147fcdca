// Runs a Python script under Pyodide in Node.js, with wheels put on its path first.
//   node tests/pyodide/run.mjs WHEEL_DIR SCRIPT.py
// Exit code: 0 when the script ran to its end, 1 when it raised (the traceback is printed).
// Pyodide's own packages (micropip included) come from its CDN, which this machine and CI
// cannot reach: so the script unzips plain wheels itself (core_check.py: install_wheels).
import { loadPyodide } from "pyodide";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const [wheelDir, script] = process.argv.slice(2);
const pyodide = await loadPyodide({
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
pyodide.FS.mkdirTree("/wheels");
for (const name of readdirSync(wheelDir)) {
  if (name.endsWith(".whl")) {
    pyodide.FS.writeFile(`/wheels/${name}`, readFileSync(join(wheelDir, name)));
  }
}
let code = 1;
try {
  code = await pyodide.runPythonAsync(readFileSync(script, "utf8"));
} catch (err) {
  console.error(String(err.message || err));
}
process.exit(code === 0 ? 0 : 1);

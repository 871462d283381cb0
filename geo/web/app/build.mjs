/* Bundles the browser app's hosts into dist/, one file each, with esbuild (pinned in package-lock.json):
 *   dist/app.js    ES module, the app's page (a Streamlit component imports it: ui/time_control.py);
 *   dist/frame.js  a plain script, the map in streamlit-folium's iframe (geo/map/layers.py);
 *   dist/page.js   a plain script, the exported page (geo/output/export.py inlines it: Chromium does not
 *                  load ES modules from file://).
 * The bundles are committed, so that `make run` needs Python only; tests/test_browser_app.py rebuilds them
 * and fails if a committed one differs. `node build.mjs --check` does the same here.
 */
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";

const BUNDLES = [["host-streamlit.js", "dist/app.js", "esm"], ["host-frame.js", "dist/frame.js", "iife"],
                 ["host-page.js", "dist/page.js", "iife"]];
const check = process.argv.includes("--check");
const here = new URL(".", import.meta.url).pathname;
const stale = [];
for (const [entry, out, format] of BUNDLES) {
  const result = await build({entryPoints: [here + entry], bundle: true, format, target: "es2022", write: false,
                              loader: {".css": "text"}, legalComments: "none", charset: "utf8",
                              banner: {js: `/* Built by geo/web/app/build.mjs from ${entry}: do not edit; edit the modules. */`}});
  const text = result.outputFiles[0].text.replaceAll(here, "");
  let old;
  try { old = readFileSync(here + out, "utf8"); } catch { old = null; }
  if (old === text) continue;
  if (check) stale.push(out); else writeFileSync(here + out, text);
}
if (stale.length) {
  console.error(`stale: ${stale.join(", ")}; run \`node build.mjs\` in geo/web/app and commit dist/`);
  process.exit(1);
}

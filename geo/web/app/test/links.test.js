import { test } from "node:test";
import assert from "node:assert/strict";
import { safeUrl } from "../links.js";

test("only http and https addresses become links", () => {
  assert.equal(safeUrl("https://larepublica.pe/a?b=1#c"), "https://larepublica.pe/a?b=1#c");
  assert.equal(safeUrl("http://example.org/"), "http://example.org/");
  assert.equal(safeUrl("HTTPS://Example.org/x"), "https://example.org/x");
});

test("anything else stays text: scripts, data, relative or broken addresses, other types", () => {
  const refused = ["javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>",
                   "vbscript:x", "//evil.example/x", "/relative", "https://", "https//x", "ftp://x.org/", "",
                   "https:\\\\evil", null, undefined, 42, {toString: () => "https://x.org"}];
  for (const value of refused) assert.equal(safeUrl(value), null, String(value));
});

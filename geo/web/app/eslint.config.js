/* ESLint's flat config for the browser app: every module, the build script and the unit tests. */
import js from "@eslint/js";
import globals from "globals";

export default [
  {ignores: ["dist/", "node_modules/"]},
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: {...globals.browser, L: "readonly"}},
    rules: {"no-implicit-globals": "error", "no-restricted-globals": ["error", "name", "event"], eqeqeq: "error",
            "prefer-const": "error", "no-var": "error"},
  },
  {files: ["build.mjs", "test/**"], languageOptions: {globals: {...globals.node}}},
];

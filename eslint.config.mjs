// ESLint: typescript-eslint's recommended rules plus the project's security rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const noMarkupInjection = {
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
  "no-restricted-properties": [
    "error",
    { property: "innerHTML", message: "Use textContent or DOM nodes; data never becomes markup." },
    { property: "outerHTML", message: "Use DOM nodes; data never becomes markup." },
    { property: "insertAdjacentHTML", message: "Use DOM nodes; data never becomes markup." },
  ],
  "no-restricted-syntax": [
    "error",
    { selector: "NewExpression[callee.name='Function']", message: "No code from strings." },
    { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: "No document.write." },
  ],
};

export default tseslint.config(
  // What the build commands write (.gitignore names the same folders; test/build/lint-ignores.test.ts).
  { ignores: ["dist/", "dist-playground/", "packages/", "node_modules/", "coverage/", "test-output/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    // Declared so that no-implied-eval can see string timers (it only checks known globals).
    languageOptions: {
      globals: { setTimeout: "readonly", setInterval: "readonly", window: "readonly", self: "readonly", globalThis: "readonly" },
    },
    rules: {
      ...noMarkupInjection,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.cjs", "**/*.js", "**/*.mjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["**/*.mjs"], languageOptions: { sourceType: "module" } },
);

import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// The plugin's own config names .ts but not .tsx, and its TypeScript parser comes through as undefined under
// eslint 9's ESM loader: reuse its plugin instances and give every TypeScript file the parser explicitly.
const base = officeAddins.configs.recommended.find((config) => config.plugins && config.plugins["office-addins"]);

export default [
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-output/"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: base.plugins,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // TypeScript already checks names; eslint's no-undef does not know the Office and DOM globals.
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        URL: "readonly",
        Buffer: "readonly",
      },
    },
  },
];

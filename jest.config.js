/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  setupFiles: ["<rootDir>/test/support/customFunctionsShim.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { module: "CommonJS", moduleResolution: "node", jsx: "react-jsx" },
        diagnostics: { warnOnly: false },
      },
    ],
  },
  testTimeout: 30000,
};

import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const stages = ["parse", "classify", "fix", "diagnose"];

/** Each engine stage may use the ones before it, never the ones after. */
const laterStageZones = stages.slice(0, -1).map((stage, index) => ({
  target: `./lib/${stage}`,
  from: stages.slice(index + 1).map((later) => `./lib/${later}`),
  message: `lib/${stage} must not depend on a later stage of the engine.`,
}));

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  ...tseslint.configs.recommendedTypeChecked.map((entry) => ({ ...entry, files: ["**/*.ts", "**/*.tsx"] })),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    rules: {
      "max-len": ["error", { code: 160, ignoreUrls: false }],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["react", "react-dom", "next", "next/*"], message: "lib/ is framework-free." }],
        },
      ],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: ["./app", "./components", "./bin"],
              message: "lib/ must not depend on app/, components/ or bin/.",
            },
            ...laterStageZones,
          ],
        },
      ],
    },
  },
  {
    files: ["lib/parse/**/*.ts", "lib/classify/**/*.ts", "lib/fix/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "next", "next/*"], message: "lib/ is framework-free." },
            {
              group: ["node:*", "@aws-sdk/*", "@smithy/*"],
              message: "parse, classify and fix are pure: no Node or AWS SDK.",
            },
          ],
        },
      ],
    },
  },
];

export default config;

import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "next-env.d.ts",
      "bench/results/**",
    ],
  },
  {
    rules: {
      // Stray console.log is noise in production logs; errors and warnings are deliberate.
      "no-console": ["error", { allow: ["error", "warn"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Command-line tools talk to a person on a terminal.
    files: ["scripts/**", "bench/**", "e2e/support/**"],
    rules: { "no-console": "off" },
  },
];

export default config;

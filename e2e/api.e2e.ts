import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/api/openapi";
import { contractListSchema, errorSchema } from "@/lib/api/schemas";
import fr from "@/lib/i18n/messages/fr.json";
import { setupBrowser, signIn } from "./support/browser";
import { get, sessionCookieFor } from "./support/http";

const { newPage } = setupBrowser();

describe("the JSON API", () => {
  it("documents every route, and each answers in its documented shape", async () => {
    const doc = (await (await get("/api/v1/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const customer = await sessionCookieFor("customer@wasla.example");
    const own = (
      (await (await get("/api/v1/contracts", { cookie: customer })).json()) as {
        contracts: { id: string }[];
      }
    ).contracts;
    for (const op of OPERATIONS) {
      expect(doc.paths[op.path], op.path).toBeDefined();
      const path = op.path.replace("{id}", own[0]!.id);
      const res = await get(path, { cookie: op.auth === "session" ? customer : undefined });
      expect(res.status, op.path).toBe(200);
      const schema = op.responses[200]?.schema;
      if (schema) expect(schema.safeParse(await res.json()).success, op.path).toBe(true);
      if (op.auth === "session") {
        const anonymous = await get(path, { headers: { "accept-language": "fr" } });
        expect(anonymous.status, `${op.path} without a session`).toBe(401);
        const body = errorSchema.parse(await anonymous.json());
        expect(body.error).toEqual({ code: "UNAUTHENTICATED", message: fr.errors.UNAUTHENTICATED });
      }
    }
  });

  it("lists only the signed-in customer's own contracts", async () => {
    const mine = contractListSchema.parse(
      await (
        await get("/api/v1/contracts", { cookie: await sessionCookieFor("customer@wasla.example") })
      ).json(),
    );
    const theirs = contractListSchema.parse(
      await (
        await get("/api/v1/contracts", { cookie: await sessionCookieFor("youssef@wasla.example") })
      ).json(),
    );
    expect(mine.contracts.map((c) => c.contractNo)).toContain("1000000101");
    expect(theirs.contracts.map((c) => c.contractNo).sort()).toEqual(["1000000102", "2000000102"]);
    const overlap = mine.contracts.filter((c) => theirs.contracts.some((t) => t.id === c.id));
    expect(overlap).toEqual([]);
    const dayNight = theirs.contracts
      .find((c) => c.service === "electricity")!
      .meters[0]!.registers.map((r) => r.name);
    expect(dayNight.sort()).toEqual(["day", "night"]);
  });

  it("answers 404 for another customer's contract, exactly like an unknown id", async () => {
    const customer = await sessionCookieFor("customer@wasla.example");
    const theirs = contractListSchema.parse(
      await (
        await get("/api/v1/contracts", { cookie: await sessionCookieFor("youssef@wasla.example") })
      ).json(),
    );
    for (const id of [
      theirs.contracts[0]!.id,
      "00000000-0000-4000-8000-000000000000",
      "not-a-uuid",
      "1%27%20OR%201=1",
    ]) {
      const res = await get(`/api/v1/contracts/${id}`, { cookie: customer });
      expect(res.status, id).toBe(404);
      expect(errorSchema.parse(await res.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("answers /api/health with the database checked", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("sends security headers and a locked-down session cookie", async () => {
    const res = await get("/fr");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    expect(res.headers.get("x-powered-by")).toBeNull();

    const page = await newPage();
    await signIn(page, "fr", "omar@wasla.example");
    const cookie = (await page.context().cookies()).find((c) =>
      c.name.endsWith("authjs.session-token"),
    );
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });

  it("still runs a server action when the request carries no Origin header", async () => {
    const page = await newPage();
    await signIn(page, "en", "omar@wasla.example");
    await page.route("**/*", async (route) => {
      const headers = { ...route.request().headers() };
      delete headers.origin;
      await route.continue({ headers });
    });
    await page.goto("/en/dashboard");
    await page.fill("#contractNo", "1000000106");
    await page.fill("#proof", "C100006");
    await page.click("main form button[type=submit]");
    await page.getByText("The contract has been added to your account.").waitFor();
  });
});

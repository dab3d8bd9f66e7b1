import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorSchema } from "@/lib/api/schemas";
import { pdfText } from "@/lib/documents/pdf-text";
import core from "@/lib/i18n/messages/ar.json";
import ar from "@/lib/i18n/messages/reports/ar.json";
import { kpisResponseSchema } from "@/lib/reports/api-schema";
import { setupBrowser, signIn } from "./support/browser";
import { get, sessionCookieFor } from "./support/http";

const { newPage } = setupBrowser();

/** A customer files a complaint through the API: this month then has something to count. */
async function fileComplaint(cookie: string, description: string) {
  const res = await get("/api/v1/complaints", {
    cookie,
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `dash-${Date.now()}` },
    body: JSON.stringify({ category: "leak", contractNo: "2000000101", description }),
  });
  expect(res.status).toBe(201);
}

describe("the supervisors' dashboard", () => {
  it("a supervisor reads it in Arabic, changes period and channel, and downloads the CSV and the monthly PDF", async () => {
    await fileComplaint(
      await sessionCookieFor("customer@wasla.example"),
      "تسرب الماء أمام العداد منذ الصباح",
    );
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "ar", "supervisor@wasla.example");
    await page.goto("/ar/backoffice/dashboard");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expect.poll(() => page.locator("h1").textContent()).toBe(ar.dashboard.title);
    const received = Number(
      (await page.locator("[data-testid=figure-received-value]").textContent())!.replace(/\D/g, ""),
    );
    expect(received).toBeGreaterThanOrEqual(1);
    // Every chart is there with its table alternative.
    for (const chart of ["volumes", "backlog", "distribution", "satisfaction"]) {
      await page.locator(`[data-testid=chart-${chart}] svg[role=img]`).waitFor();
      expect(await page.locator(`[data-testid=chart-${chart}] details table`).count()).toBe(1);
    }

    // The last 30 days, web only: the form is a plain GET, the filters land in the address.
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    await page.fill("input[name=from]", from);
    await page.fill("input[name=to]", today);
    await page.selectOption("select[name=channel]", "web");
    await Promise.all([
      page.waitForURL(/channel=web/),
      page.click("[data-testid=dashboard-filters] button[type=submit]"),
    ]);
    const url = new URL(page.url());
    expect(url.searchParams.get("from")).toBe(from);
    expect(url.searchParams.get("channel")).toBe("web");
    expect(await page.locator("select[name=channel]").inputValue()).toBe("web");

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=download-csv]"),
    ]);
    const text = readFileSync(await csv.path(), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`${from} – ${today}`);
    expect(text).toContain(ar.csv.headline);
    expect(text).toContain(ar.figures.received);
    expect(text).toContain(ar.csv.volumes);

    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=download-pdf]"),
    ]);
    const bytes = readFileSync(await pdf.path());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const content = pdfText(bytes);
    expect(content).toContain(ar.pdf.title);
    expect(content).toContain(ar.figures.completionRate);
    expect(content).toContain(ar.clerks.title);
  });

  it("refuses a clerk (403), a partner key (401) and a bad date (400, in Arabic)", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "ar", "clerk@wasla.example");
    const response = await page.goto("/ar/backoffice/dashboard");
    expect(response?.status()).toBe(403);
    await page.getByText(core.forbidden.title).waitFor();
    expect(await page.locator("nav a[href$='/backoffice/dashboard']").count()).toBe(0);

    const clerk = await sessionCookieFor("clerk@wasla.example");
    expect((await get("/api/v1/reports/kpis", { cookie: clerk })).status).toBe(403);
    expect((await get("/api/v1/reports/tables.csv", { cookie: clerk })).status).toBe(403);
    const partner = { authorization: "Bearer wasla_demo_partner_2026" };
    expect((await get("/api/v1/reports/kpis", { headers: partner })).status).toBe(401);

    const supervisor = await sessionCookieFor("supervisor@wasla.example");
    const bad = await get("/api/v1/reports/kpis?from=2026-02-30", {
      cookie: supervisor,
      headers: { "accept-language": "ar" },
    });
    expect(bad.status).toBe(400);
    const error = errorSchema.parse(await bad.json());
    expect(error.error.fields?.from).toBe(core.validation.invalidDate);
    const ok = await get("/api/v1/reports/kpis?department=technical_interventions", {
      cookie: supervisor,
    });
    expect(ok.status).toBe(200);
    expect(kpisResponseSchema.safeParse(await ok.json()).success).toBe(true);
    const badMonth = await get("/api/v1/reports/monthly.pdf?month=2026-13", { cookie: supervisor });
    expect(badMonth.status).toBe(400);
  });
});

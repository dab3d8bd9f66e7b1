import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/billing/ar.json";
import fr from "@/lib/i18n/messages/billing/fr.json";
import frCore from "@/lib/i18n/messages/fr.json";
import { errorSchema } from "@/lib/api/schemas";
import { setupBrowser, signIn } from "./support/browser";
import { get, sessionCookieFor } from "./support/http";

const { newPage } = setupBrowser();

describe("bills", () => {
  it("a customer opens their bills in Arabic, opens one and downloads its PDF; another customer's bill is 404", async () => {
    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    await page.goto("/ar/bills");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expect.poll(() => page.locator("h1").textContent()).toBe(ar.title);
    const first = page.locator("[data-testid=bill-list] a").first();
    const billNo = await first.getAttribute("data-bill-no");
    expect(billNo).toMatch(/^FA-\d{4}-\d{6}$/);
    await first.click();
    await page.waitForURL(/\/ar\/bills\/[0-9a-f-]{36}$/);
    const billId = page.url().split("/").pop()!;
    await expect.poll(() => page.getAttribute("[data-testid=bill]", "data-bill-no")).toBe(billNo);
    expect(await page.locator("[data-testid=bill-lines] li").count()).toBeGreaterThan(1);
    const total = (await page.locator("[data-testid=bill-total]").textContent())!;
    expect(total).toMatch(/\d+,\d{2} MAD/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=pdf-ar]"),
    ]);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", [path, "-"], { encoding: "utf8" });
    expect(text).toContain(billNo);
    expect(text).toContain("المبلغ المستحق");
    // The amount printed on the PDF is the one on the page (Arabic PDFs use the same decimal comma).
    expect(text).toContain(total.replace(/[^\d,]/g, ""));

    // Khadija is another customer: Fatima's bill does not exist for her, on every door.
    const khadija = await sessionCookieFor("khadija@wasla.example");
    expect((await get(`/api/bills/${billId}/pdf?lang=ar`, { cookie: khadija })).status).toBe(404);
    expect((await get(`/api/v1/bills/${billId}`, { cookie: khadija })).status).toBe(404);
    expect((await get(`/ar/bills/${billId}`, { cookie: khadija })).status).toBe(404);
    // Staff may open any bill's PDF; a signed-out visitor none.
    const clerk = await sessionCookieFor("billing@wasla.example");
    expect((await get(`/api/bills/${billId}/pdf?lang=fr`, { cookie: clerk })).status).toBe(200);
    expect((await get(`/api/bills/${billId}/pdf`)).status).toBe(401);
  });

  it("shows the account statement with a running balance, and refuses a range that makes no sense", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "fr", "customer@wasla.example");
    await page.goto("/fr/bills/statement");
    await expect
      .poll(() => page.locator("[data-testid=statement] tbody tr").count())
      .toBeGreaterThan(3);
    expect(await page.textContent("[data-testid=statement-summary]")).toMatch(
      /Vous devez|soldé|avoir/,
    );
    await page.goto("/fr/bills/statement?from=2026-06-01&to=2026-01-01");
    expect(await page.textContent("[role=alert]")).toBe(fr.statement.invalidRange);
  });

  it("simulates a bill for a guest with Arabic-Indic digits, and says what is wrong with bad input", async () => {
    const page = await newPage();
    await page.goto("/fr/simulator");
    await page.selectOption("select[name=tariff]", "MA-ELEC-RES");
    await page.fill("input[name=consumption]", "١٥١");
    await Promise.all([page.waitForURL(/consumption=/), page.click("main button[type=submit]")]);
    // 151 kWh over 30 days: selective at tranche 3, 151 × 1.0732 + meter rental + audiovisual tax.
    expect(await page.textContent("[data-testid=simulation]")).toContain("tranche 3");
    expect(await page.textContent("[data-testid=simulation-total]")).toMatch(/\d+,\d{2} MAD/);
    for (const bad of ["abc", "-5", "99999999", "<script>alert(1)</script>"]) {
      await page.goto(`/fr/simulator?tariff=MA-ELEC-RES&consumption=${encodeURIComponent(bad)}`);
      expect(await page.textContent("#consumption-error")).toBe(fr.simulator.errors.consumption);
      expect(await page.locator("[data-testid=simulation]").count()).toBe(0);
    }
  });

  it("answers bad simulate and bill-list requests with a localised 4xx", async () => {
    const post = (body: string) =>
      get("/api/v1/tariffs/simulate", {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": "fr" },
        body,
      });
    for (const body of [
      "",
      "{oops",
      JSON.stringify({ tariffCode: "NOPE", consumption: "100" }),
      JSON.stringify({ tariffCode: "MA-ELEC-RES", consumption: -1 }),
      JSON.stringify({ tariffCode: "MA-ELEC-RES", consumption: "1e9" }),
      JSON.stringify({ tariffCode: "MA-ELEC-RES", consumption: { $gt: 1 } }),
      JSON.stringify({ tariffCode: "x".repeat(5000), consumption: "1" }),
      JSON.stringify({ tariffCode: "MA-ELEC-RES", consumption: "10", periodEnd: "2026-02-30" }),
    ]) {
      const res = await post(body);
      expect(res.status, body.slice(0, 60)).toBe(400);
      const error = errorSchema.parse(await res.json());
      expect(error.error.message).toBe(
        frCore.errors[error.error.code as keyof typeof frCore.errors],
      );
      // An unknown tariff is named as such, not as a generic "invalid value".
      if (body.includes("NOPE"))
        expect(error.error.fields).toEqual({ tariffCode: frCore.validation.tariff });
    }
    const ok = await post(JSON.stringify({ tariffCode: "MA-ELEC-RES", consumption: "151" }));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { mode: string }).mode).toBe("selective");

    const khadija = await sessionCookieFor("khadija@wasla.example");
    expect((await get("/api/v1/bills?contractNo=1000000101", { cookie: khadija })).status).toBe(
      404,
    );
    expect((await get("/api/v1/bills?cursor=%%%", { cookie: khadija })).status).toBe(400);
  });
});

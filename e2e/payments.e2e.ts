import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkoutResponseSchema, errorSchema } from "@/lib/api/schemas";
import payAr from "@/lib/i18n/messages/payments/ar.json";
import payFr from "@/lib/i18n/messages/payments/fr.json";
import { setupBrowser, signIn } from "./support/browser";
import { get, sessionCookieFor } from "./support/http";

const { newPage } = setupBrowser();

type ApiBill = { id: string; billNo: string; amountDue: string; status: string };

async function billsOf(cookie: string, contractNo: string): Promise<ApiBill[]> {
  const res = await get(`/api/v1/bills?contractNo=${contractNo}`, { cookie });
  return ((await res.json()) as { bills: ApiBill[] }).bills;
}

describe("online payment with the test provider", () => {
  it("a customer pays two bills, sees them paid on /bills and downloads the receipt", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "fr", "customer@wasla.example");
    await page.goto("/fr/bills");
    const form = page.locator("[data-testid=pay-form-2000000101]");
    const boxes = form.locator("input[type=checkbox][name=bill]");
    expect(await boxes.count()).toBeGreaterThanOrEqual(2);
    const billNos = await boxes.evaluateAll((els) =>
      els.map((e) => (e as HTMLInputElement).dataset.billNo!),
    );
    // Every open bill is ticked, oldest first.
    expect(
      await boxes.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked)),
    ).toBe(true);
    expect([...billNos].sort()).toEqual(billNos);
    await Promise.all([
      page.waitForURL(/\/fr\/pay\/test\/[0-9a-f-]{36}$/),
      form.locator("[data-testid=pay-form-2000000101-submit]").click(),
    ]);
    const paymentId = page.url().split("/").pop()!;
    await expect
      .poll(() => page.locator("[data-testid=test-provider-banner]").textContent())
      .toBe(payFr.test.banner);
    const listed = await page.locator("[data-testid=test-bills] li").allTextContents();
    for (const billNo of billNos) expect(listed.join(" ")).toContain(billNo);

    await Promise.all([
      page.waitForURL(new RegExp(`/fr/payments/${paymentId}$`)),
      page.click("[data-testid=test-pay]"),
    ]);
    await expect
      .poll(() => page.getAttribute("[data-testid=payment-status]", "data-status"), {
        timeout: 10_000,
      })
      .toBe("succeeded");
    const receiptNo = (await page.locator("[data-testid=receipt-no]").textContent())!.trim();
    expect(receiptNo).toMatch(/^[A-Z]{2}-\d{4}-\d{6}$/);

    await page.goto("/fr/bills");
    for (const billNo of billNos)
      expect(
        await page.getAttribute(
          `[data-testid=bill-list] a[data-bill-no="${billNo}"] [data-status]`,
          "data-status",
        ),
        billNo,
      ).toBe("paid");
    expect(await page.locator("[data-testid=pay-form-2000000101]").count()).toBe(0);

    // The receipt PDF (built by the receipts route).
    await page.goto(`/fr/payments/${paymentId}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=receipt-pdf]"),
    ]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");

    // Someone else's payment page is not found.
    const other = await sessionCookieFor("youssef@wasla.example");
    expect((await get(`/fr/payments/${paymentId}`, { cookie: other })).status).toBe(404);
  });

  it("pays a single bill from its page, and a declined card leaves it unpaid", async () => {
    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    const cookie = await sessionCookieFor("customer@wasla.example");
    const open = (await billsOf(cookie, "1000000101")).find((b) => Number(b.amountDue) > 0)!;
    await page.goto(`/ar/bills/${open.id}`);
    await Promise.all([
      page.waitForURL(/\/ar\/pay\/test\//),
      page.click("[data-testid=pay-bill-submit]"),
    ]);
    expect(await page.locator("[data-testid=test-provider-banner]").textContent()).toBe(
      payAr.test.banner,
    );
    await Promise.all([
      page.waitForURL(/\/ar\/payments\//),
      page.click("[data-testid=test-decline]"),
    ]);
    await expect
      .poll(() => page.getAttribute("[data-testid=payment-status]", "data-status"))
      .toBe("failed");
    const after = (await billsOf(cookie, "1000000101")).find((b) => b.id === open.id)!;
    expect(after.amountDue).toBe(open.amountDue);
  });
});

describe("POST /api/v1/payments/checkout", () => {
  it("opens a checkout once per Idempotency-Key and refuses bad input with a localised 4xx", async () => {
    const cookie = await sessionCookieFor("khadija@wasla.example");
    const open = (await billsOf(cookie, "1000000103")).find((b) => Number(b.amountDue) > 0)!;
    const post = (body: string, headers: Record<string, string> = {}) =>
      get("/api/v1/payments/checkout", {
        method: "POST",
        cookie,
        headers: { "content-type": "application/json", "accept-language": "ar", ...headers },
        body,
      });
    const valid = JSON.stringify({ billIds: [open.id] });
    const first = await post(valid, { "idempotency-key": "khadija-pay-1" });
    expect(first.status).toBe(201);
    const created = checkoutResponseSchema.parse(await first.json());
    expect(created.url).toContain(`/pay/test/${created.paymentId}`);
    const again = await post(valid, { "idempotency-key": "khadija-pay-1" });
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(created);

    // Without a session: 401, in the caller's language.
    const anonymous = await get("/api/v1/payments/checkout", {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "fr" },
      body: valid,
    });
    expect(anonymous.status).toBe(401);
    expect(errorSchema.parse(await anonymous.json()).error.code).toBe("UNAUTHENTICATED");
    // Staff do not pay bills through the customer API.
    const clerk = await sessionCookieFor("billing@wasla.example");
    expect(
      (
        await get("/api/v1/payments/checkout", {
          method: "POST",
          cookie: clerk,
          headers: { "content-type": "application/json" },
          body: valid,
        })
      ).status,
    ).toBe(403);
    const fatima = await sessionCookieFor("customer@wasla.example");
    const hers = (await billsOf(fatima, "2000000101"))[0]!;
    const bad: [string, Record<string, string>, number, string][] = [
      ["", {}, 400, "VALIDATION_FAILED"],
      ["{not json", {}, 400, "VALIDATION_FAILED"],
      [JSON.stringify({}), {}, 400, "VALIDATION_FAILED"],
      [JSON.stringify({ billIds: [] }), {}, 400, "VALIDATION_FAILED"],
      [JSON.stringify({ billIds: "all" }), {}, 400, "VALIDATION_FAILED"],
      [JSON.stringify({ billIds: [42] }), {}, 400, "VALIDATION_FAILED"],
      [JSON.stringify({ billIds: [open.id], amount: { $gt: 0 } }), {}, 400, "VALIDATION_FAILED"],
      [JSON.stringify({ billIds: [open.id], amount: "0.10" }), {}, 400, "VALIDATION_FAILED"],
      [JSON.stringify({ billIds: [open.id], amount: "99999999" }), {}, 400, "VALIDATION_FAILED"],
      [JSON.stringify({ billIds: ["'; DROP TABLE payments;--"] }), {}, 404, "NOT_FOUND"],
      [JSON.stringify({ billIds: [hers.id] }), {}, 404, "NOT_FOUND"],
      [
        JSON.stringify({ billIds: Array.from({ length: 51 }, () => open.id) }),
        {},
        400,
        "VALIDATION_FAILED",
      ],
      [
        JSON.stringify({ billIds: [open.id], pad: "x".repeat(20_000) }),
        {},
        413,
        "PAYLOAD_TOO_LARGE",
      ],
      [valid, { "content-type": "text/plain" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
      [
        JSON.stringify({ billIds: [] }),
        { "idempotency-key": "khadija-pay-1" },
        400,
        "VALIDATION_FAILED",
      ],
      [JSON.stringify({ billIds: [open.id, open.id] }), {}, 400, "VALIDATION_FAILED"],
    ];
    for (const [body, headers, status, code] of bad) {
      const res = await post(body, headers);
      expect(res.status, body.slice(0, 50)).toBe(status);
      const error = errorSchema.parse(await res.json());
      expect(error.error.code, body.slice(0, 50)).toBe(code);
      expect(error.error.message).toMatch(/[\u0600-\u06ff]/);
    }
    // The same key with other bills: 409.
    const other = (await billsOf(cookie, "1000000103")).find(
      (b) => Number(b.amountDue) > 0 && b.id !== open.id,
    );
    if (other)
      expect(
        (
          await post(JSON.stringify({ billIds: [other.id] }), {
            "idempotency-key": "khadija-pay-1",
          })
        ).status,
      ).toBe(409);
  });
});

describe("quick pay", () => {
  it("a guest pays with the contract number and the payment reference, and sees only amount and status", async () => {
    const owner = await newPage();
    await signIn(owner, "fr", "customer@wasla.example");
    const cookie = await sessionCookieFor("customer@wasla.example");
    const open = (await billsOf(cookie, "1000000101")).find((b) => Number(b.amountDue) > 0)!;
    await owner.goto(`/fr/bills/${open.id}`);
    const reference = (await owner.locator("text=/^\\d{12}$/").first().textContent())!.trim();

    const guest = await newPage();
    await guest.goto("/fr/quick-pay");
    await guest.fill("#contractNo", "1000000101");
    // Arabic-Indic digits are fine.
    await guest.fill(
      "#paymentReference",
      reference.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))),
    );
    await guest.click("[data-testid=quick-pay-lookup] button[type=submit]");
    await guest.locator("[data-testid=quick-pay-found]").waitFor();
    const shown = (await guest.locator("[data-testid=quick-pay-found]").textContent())!;
    expect(shown).toContain(open.billNo);
    expect(shown).not.toMatch(/Fatima|Fatima Zahra|@wasla/);
    await Promise.all([
      guest.waitForURL(/\/fr\/pay\/test\//),
      guest.click("[data-testid=quick-pay-form-submit]"),
    ]);
    await Promise.all([
      guest.waitForURL(/\/fr\/pay\/status\//),
      guest.click("[data-testid=test-pay]"),
    ]);
    await expect
      .poll(() => guest.getAttribute("[data-testid=payment-status]", "data-status"))
      .toBe("succeeded");
    expect(await guest.locator("[data-testid=receipt-no]").count()).toBe(0);
  });

  it("stops wrong guesses with a localised 'too many tries'", async () => {
    const guest = await newPage();
    await guest.goto("/fr/quick-pay");
    // References with a valid check digit, none of them on a bill of this contract.
    const luhn = (d: string) => {
      let sum = 0;
      for (let i = 0; i < d.length; i++) {
        let n = Number(d[d.length - 1 - i]);
        if (i % 2 === 0) {
          n *= 2;
          if (n > 9) n -= 9;
        }
        sum += n;
      }
      return d + String((10 - (sum % 10)) % 10);
    };
    let last = "";
    for (let i = 0; i < 6; i++) {
      await guest.fill("#contractNo", "1000000104");
      await guest.fill("#paymentReference", luhn(`9999999990${i}`.slice(0, 11)));
      await Promise.all([
        guest.waitForResponse((r) => r.request().method() === "POST"),
        guest.click("[data-testid=quick-pay-lookup] button[type=submit]"),
      ]);
      const alert = guest.locator("[data-testid=quick-pay-lookup] [role=alert]");
      await alert.waitFor();
      last = (await alert.textContent())!;
      if (i === 0) expect(last).toBe(payFr.errors.NOT_FOUND);
    }
    expect(last).toBe(payFr.errors.RATE_LIMITED);
  });
});

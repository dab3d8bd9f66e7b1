import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar.json";
import fr from "@/lib/i18n/messages/fr.json";
import { contractListSchema } from "@/lib/api/schemas";
import { setupBrowser, signIn } from "./support/browser";
import { get, sessionCookieFor } from "./support/http";

const { newPage } = setupBrowser();

// A real 1×1 PNG: the server checks photos by their bytes.
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e221bc330000000049454e44ae426082",
  "hex",
);

const toArabicIndic = (n: number) => String(n).replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);

describe("meter self-reading", () => {
  it("takes an index typed in Arabic-Indic digits with a photo, gives a receipt, and shows it in the history", async () => {
    const cookie = await sessionCookieFor("customer@wasla.example");
    const contracts = contractListSchema.parse(
      await (await get("/api/v1/contracts", { cookie })).json(),
    ).contracts;
    const water = contracts.find((c) => c.contractNo === "2000000101")!;
    const last = Number(water.meters[0]!.registers[0]!.lastIndex);
    const next = last + 9;

    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    await page.goto(`/ar/readings/new?contract=${water.id}`);
    await page.fill("#index_single", toArabicIndic(next));
    await page.setInputFiles("#photo", {
      name: "compteur.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await page.click("main form button[type=submit]");
    const receipt = page.locator("[data-testid=reading-receipt]");
    await receipt.waitFor();
    const receiptNo = (await receipt.innerText()).match(/RL-\d{4}-\d{6}/)![0];
    expect(await receipt.innerText()).toContain(ar.readings.receiptTitle);

    // The receipt also went out by e-mail, in Arabic.
    const admin = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(admin, "fr", "admin@wasla.example");
    await admin.goto("/fr/backoffice/outbox?to=customer%40wasla.example");
    expect(await admin.locator("[data-testid=outbox-message]").first().innerText()).toContain(
      receiptNo,
    );

    await page.goto(`/ar/contracts/${water.id}`);
    const history = await page.locator("table").innerText();
    expect(history.replace(/[.,\s]/g, "")).toContain(String(next));
    expect(history).toContain(ar.contracts.source.self);
    await page.locator("[data-testid=consumption-chart]").waitFor();
  });

  it("refuses bad indexes with a clear message in the customer's language, and stores nothing", async () => {
    const page = await newPage();
    await signIn(page, "fr", "omar@wasla.example");
    await page.goto("/fr/readings/new");
    for (const [typed, message] of [
      ["12,5", fr.validation.notWholeNumber],
      ["-5", fr.validation.notWholeNumber],
      ["abc", fr.validation.notWholeNumber],
      ["1234567890123456789012345678901234567890", fr.validation.tooManyDigits],
      ["1", fr.validation.lower_than_previous],
    ] as const) {
      await page.fill("#index_single", typed);
      // Wait for this submission's answer: consecutive cases can show the same message.
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.click("main form button[type=submit]"),
      ]);
      await page.getByText(message).waitFor();
    }
    // Photos are checked by their bytes: a PDF renamed .jpg is refused by the server, and one
    // over 10 MB is refused before it is sent (it would exceed the request limit).
    await page.fill("#index_single", "");
    await page.setInputFiles("#photo", {
      name: "compteur.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
    });
    await page.fill("#index_single", "99999999");
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.click("main form button[type=submit]"),
    ]);
    await page.getByText(fr.validation.photoType).waitFor();
    await page.setInputFiles("#photo", {
      name: "huge.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.alloc(30 * 1024 * 1024, 0xff),
    });
    await page.getByText(fr.validation.photoTooLarge).waitFor();
    expect(await page.locator("#photo").inputValue()).toBe("");

    const cookie = await sessionCookieFor("omar@wasla.example");
    const res = await get("/api/v1/readings?contractNo=2000000104", { cookie });
    const body = (await res.json()) as { readings: { source: string }[] };
    expect(body.readings.filter((r) => r.source === "self")).toEqual([]);
  });

  it("lets a guest read a meter from the home page, with the serial as proof", async () => {
    const khadija = await sessionCookieFor("khadija@wasla.example");
    const [contract] = contractListSchema.parse(
      await (await get("/api/v1/contracts", { cookie: khadija })).json(),
    ).contracts;
    const next = String(Number(contract!.meters[0]!.registers[0]!.lastIndex) + 40);
    const page = await newPage();
    await page.goto("/fr");
    await Promise.all([
      page.waitForURL(/\/fr\/reading/),
      page.getByRole("link", { name: fr.home.readingLink }).click(),
    ]);
    await page.fill("#contractNo", "1000000103");
    await page.fill("#meterSerial", "ELE-2021-00000");
    await page.fill("#index_single", next);
    await page.click("main form button[type=submit]");
    await page.getByText(fr.errors.CONTRACT_LINK_FAILED).waitFor();
    await page.fill("#meterSerial", "ELE-2021-04478");
    await page.fill("#index_single", next);
    await page.click("main form button[type=submit]");
    await page.locator("[data-testid=reading-receipt]").waitFor();
  });
});

describe("a held reading", () => {
  it("lands in the metering queue, and the clerk's decision reaches the customer in her language", async () => {
    const salma = await sessionCookieFor("salma@wasla.example");
    const contracts = contractListSchema.parse(
      await (await get("/api/v1/contracts", { cookie: salma })).json(),
    ).contracts;
    const water = contracts.find((c) => c.contractNo === "2000000105")!;
    const register = water.meters[0]!.registers[0]!;
    // The day after the last agent reading: inside the reading window, so the rules apply.
    const readAt = new Date(
      Math.min(Date.now() - 60_000, new Date(register.lastReadAt!).getTime() + 24 * 3600_000),
    );
    const res = await get("/api/v1/readings", {
      method: "POST",
      cookie: salma,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        contractNo: "2000000105",
        meterSerial: water.meters[0]!.serial,
        readings: [{ register: "single", index: String(Number(register.lastIndex) + 400) }],
        readAt: readAt.toISOString(),
      }),
    });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { status: string; flags: string[] };
    expect(receipt.status).toBe("review");
    expect(receipt.flags).toContain("high");

    const clerk = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(clerk, "fr", "clerk@wasla.example");
    await clerk.goto("/fr/backoffice/queue?kind=reading_review");
    await Promise.all([
      clerk.waitForURL(/\/fr\/backoffice\/items\//),
      clerk.locator("[data-testid=queue] tbody a").first().click(),
    ]);
    await clerk.fill("#review-reject-reason", "Photo illisible : merci de relire le compteur.");
    await clerk.getByRole("button", { name: fr.backoffice.readingReview.reject }).click();
    await clerk.locator("header").getByText(fr.items.status.resolved).waitFor();

    const customer = await newPage();
    await signIn(customer, "ar", "salma@wasla.example");
    await customer.goto("/ar/requests");
    await Promise.all([
      customer.waitForURL(/\/ar\/requests\/REL-/),
      customer.locator("[data-testid=request-list] a", { hasText: "REL-" }).first().click(),
    ]);
    const timeline = await customer.locator("[data-testid=timeline]").innerText();
    expect(timeline).toContain("Photo illisible");
    expect(timeline).toContain(ar.items.outcome.rejected);
  });
});

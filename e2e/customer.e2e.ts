import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar.json";
import { signIn, setupBrowser } from "./support/browser";
import { get, sessionCookieFor } from "./support/http";

const { newPage } = setupBrowser();

describe("a customer at home", () => {
  it("signs in at /ar and sees a right-to-left dashboard listing their contracts", async () => {
    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    expect(new URL(page.url()).pathname).toBe("/ar/dashboard");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    const cards = page.locator("[data-testid=contract-card]");
    expect(await cards.count()).toBe(2);
    const text = await cards.allInnerTexts();
    expect(text.join(" ")).toContain("1000000101");
    expect(text.join(" ")).toContain("2000000101");
    expect(text.join(" ")).toContain(ar.contracts.service.electricity);
    // The layout really mirrors: the brand sits at the right edge of the header.
    const brand = await page.locator("header a").first().boundingBox();
    expect(brand!.x + brand!.width).toBeGreaterThan(300);
  });

  it("stays signed in when switching to French, and sees French", async () => {
    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    await Promise.all([page.waitForURL(/\/fr\/dashboard/), page.click("header button[value=fr]")]);
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await page.getByRole("heading", { name: "Mes contrats" }).waitFor();
    expect(await page.locator("[data-testid=contract-card]").count()).toBe(2);
    // Back to Arabic, which is also saved in the profile for the next sign-in.
    await Promise.all([page.waitForURL(/\/ar\/dashboard/), page.click("header button[value=ar]")]);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
  });

  it("gets the one generic error when linking a contract with a wrong meter serial", async () => {
    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    await page.fill("#contractNo", "1000000106");
    await page.fill("#proof", "ELE-2021-00000");
    await page.click("main form button[type=submit]");
    await page.getByText(ar.errors.CONTRACT_LINK_FAILED).waitFor();
    expect(await page.locator("[data-testid=contract-card]").count()).toBe(2);
  });

  it("links a contract typed with Arabic-Indic digits and the serial from the meter", async () => {
    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    await page.fill("#contractNo", "١٠٠٠٠٠٠١٠٦");
    await page.fill("#proof", "ele 2021 07777");
    await page.click("main form button[type=submit]");
    await page.getByText(ar.forms.linkContract.linked).waitFor();
    await page.reload();
    expect(await page.locator("[data-testid=contract-card]").count()).toBe(3);
  });

  it("opens a contract's history, and gets 404 for another customer's contract", async () => {
    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    await Promise.all([
      page.waitForURL(/\/ar\/contracts\//),
      page.locator("[data-testid=contract-card] a").first().click(),
    ]);
    expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(12);

    const youssef = await sessionCookieFor("youssef@wasla.example");
    const body = (await (await get("/api/v1/contracts", { cookie: youssef })).json()) as {
      contracts: { id: string }[];
    };
    const foreignId = body.contracts[0]!.id;
    const response = await page.goto(`/ar/contracts/${foreignId}`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { name: ar.notFound.title }).waitFor();
    // A malformed id is just as unknown.
    expect((await page.goto("/ar/contracts/'%20or%201=1--"))?.status()).toBe(404);
  });
});

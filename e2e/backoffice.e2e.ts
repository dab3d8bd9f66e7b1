import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar.json";
import fr from "@/lib/i18n/messages/fr.json";
import { signIn, setupBrowser } from "./support/browser";

const { newPage } = setupBrowser();

describe("the back office", () => {
  it("refuses a customer who opens /ar/backoffice (403)", async () => {
    const page = await newPage();
    await signIn(page, "ar", "customer@wasla.example");
    const response = await page.goto("/ar/backoffice");
    expect(response?.status()).toBe(403);
    await page.getByText(ar.forbidden.title).waitFor();
    expect(await page.locator("[data-testid=staff-identity]").count()).toBe(0);
  });

  it("sends a guest to sign in", async () => {
    const page = await newPage();
    await page.goto("/ar/backoffice/outbox");
    expect(new URL(page.url()).pathname).toBe("/ar/sign-in");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/ar/backoffice/outbox");
  });

  it("shows a clerk the back-office shell with their departments", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, "fr", "clerk@wasla.example");
    expect(new URL(page.url()).pathname).toBe("/fr/backoffice");
    await page.getByText(`Nadia Berrada · ${fr.backoffice.role.clerk}`).waitFor();
    const departments = await page.locator("[data-testid=staff-departments] li").allInnerTexts();
    expect(departments.sort()).toEqual(["Comptage et relève", "Relation clientèle"]);
    const nav = await page.getByRole("navigation", { name: fr.backoffice.navLabel }).innerText();
    expect(nav).toContain(fr.backoffice.nav.overview);
    expect(nav).not.toContain(fr.backoffice.nav.outbox);
  });

  it("hides the admin's outbox from a clerk", async () => {
    const page = await newPage();
    await signIn(page, "fr", "clerk@wasla.example");
    expect((await page.goto("/fr/backoffice/outbox"))?.status()).toBe(404);
  });

  it("shows the back office right to left in Arabic", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, "fr", "supervisor@wasla.example");
    await page.goto("/ar/backoffice");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    const nav = await page.getByRole("navigation", { name: ar.backoffice.navLabel }).boundingBox();
    // The menu sits on the start side, which is the right in Arabic.
    expect(nav!.x).toBeGreaterThan(600);
  });
});

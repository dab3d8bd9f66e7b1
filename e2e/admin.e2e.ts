import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar.json";
import fr from "@/lib/i18n/messages/fr.json";
import { setupBrowser, signIn } from "./support/browser";

const { newPage } = setupBrowser();
const desktop = { viewport: { width: 1280, height: 900 } };

describe("the workflow configuration in the back office", () => {
  it("lets an admin add a keyword rule at the top, check it with the try-it form, and delete it", async () => {
    const page = await newPage(desktop);
    await signIn(page, "fr", "admin@wasla.example");
    const nav = await page.getByRole("navigation", { name: fr.backoffice.navLabel }).innerText();
    expect(nav).toContain(fr.backoffice.nav.routing);
    expect(nav).toContain(fr.backoffice.nav.kinds);
    expect(nav).toContain(fr.backoffice.nav.calendar);

    await page.getByRole("link", { name: fr.backoffice.nav.routing }).click();
    await page.waitForURL("**/fr/backoffice/routing");
    await page.fill("#new-rule-name", "Inondations");
    await page.fill("#new-rule-keywords", "inondation\nفيضان, flood");
    await page.selectOption("#new-rule-department", "technical_interventions");
    await page.selectOption("#new-rule-priority", "urgent");
    await page.getByRole("button", { name: fr.admin.routing.addSubmit }).click();
    await page.getByText(fr.admin.routing.added).waitFor();

    // First of the list: it is consulted before every other rule.
    const first = page.locator("[data-testid=routing-rule]").first();
    await first.locator("h3", { hasText: "Inondations" }).waitFor();
    expect(await first.innerText()).toContain("فيضان");

    // The try-it form routes a sample with the saved rules and says why.
    await page.selectOption("#try-kind", "complaint_technical");
    await page.fill("#try-text", "Inondation de la cave après l'orage de cette nuit");
    await Promise.all([
      page.waitForURL(/[?&]try=1/),
      page.getByRole("button", { name: fr.admin.routing.try.submit, exact: true }).click(),
    ]);
    const result = await page.locator("[data-testid=try-result]").innerText();
    expect(result).toContain(
      fr.admin.routing.try.matched.replace("{position}", "1").replace("{name}", "Inondations"),
    );
    expect(result).toContain("Interventions techniques");
    expect(result).toContain(fr.items.priority.urgent);
    expect(await page.locator("[data-testid=try-keyword]").innerText()).toBe("inondation");

    // Without the keyword, the rule does not take it.
    await page.fill("#try-text", "Compteur cassé");
    await Promise.all([
      page.waitForURL(/Compteur/),
      page.getByRole("button", { name: fr.admin.routing.try.submit, exact: true }).click(),
    ]);
    expect(await page.locator("[data-testid=try-result]").innerText()).not.toContain("Inondations");

    // Clean up for the journeys that follow: it routed nothing, so it can be deleted.
    const rule = page.locator('[data-testid=routing-rule][data-rule-name="Inondations"]');
    await rule.getByText(fr.admin.routing.delete).click();
    await rule.getByRole("button", { name: fr.admin.routing.deleteSubmit }).click();
    await rule.waitFor({ state: "detached" });
  });

  it("refuses to delete the catch-all rule: it has no delete button", async () => {
    const page = await newPage(desktop);
    await signIn(page, "fr", "admin@wasla.example");
    await page.goto("/fr/backoffice/routing");
    const fallback = page.locator("[data-testid=routing-rule]").last();
    expect(await fallback.innerText()).toContain(fr.admin.routing.isDefault);
    expect(await fallback.getByText(fr.admin.routing.delete).count()).toBe(0);
    expect(await fallback.getByRole("button", { name: fr.admin.routing.deactivate }).count()).toBe(
      0,
    );
  });

  it("shows the kinds and the calendar in Arabic, right to left", async () => {
    const page = await newPage();
    await signIn(page, "ar", "admin@wasla.example");
    await page.goto("/ar/backoffice/kinds");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByRole("heading", { name: ar.admin.kinds.title, level: 1 }).waitFor();
    expect(await page.locator("[data-testid=request-kind]").count()).toBeGreaterThanOrEqual(9);
    await page.goto("/ar/backoffice/calendar");
    await page.getByRole("heading", { name: ar.admin.calendar.title, level: 1 }).waitFor();
    expect(await page.locator("[data-testid=calendar-preview]").innerText()).toMatch(/\d{2}:\d{2}/);
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });

  it("answers 404 to a clerk who opens the configuration pages", async () => {
    const page = await newPage();
    await signIn(page, "fr", "clerk@wasla.example");
    const nav = await page.getByRole("navigation", { name: fr.backoffice.navLabel }).innerText();
    expect(nav).not.toContain(fr.backoffice.nav.routing);
    for (const section of ["routing", "kinds", "calendar"]) {
      expect((await page.goto(`/fr/backoffice/${section}`))?.status()).toBe(404);
    }
  });
});

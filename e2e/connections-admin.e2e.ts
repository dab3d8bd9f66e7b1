import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/connections-admin/ar.json";
import fr from "@/lib/i18n/messages/connections-admin/fr.json";
import { setupBrowser, signIn } from "./support/browser";

const { newPage } = setupBrowser();
const SHOTS = process.env.CONNECTIONS_SHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const desktop = { viewport: { width: 1280, height: 900 } };

describe("the connection types and price list in the back office", () => {
  it("an admin adds a request type and a price line for it in French; customers are offered it at once", async () => {
    const page = await newPage(desktop);
    const shot = async (name: string) => {
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    };
    await signIn(page, "fr", "admin@wasla.example");
    await page.getByRole("link", { name: fr.nav.connectionTypes }).click();
    await page.waitForURL("**/fr/backoffice/connection-types");

    // A bad form first: every error named in French, nothing typed lost.
    const form = page.locator("[data-testid=add-connection-type]");
    // (Filled in so that the browser's own `required` check lets the form go to the server.)
    await form.locator("#new-type-code").fill("Déplacement!");
    await form.locator("#new-type-prefix").fill("DC");
    await form.locator("#new-type-nameAr").fill("نقل العداد");
    await form.locator("#new-type-nameFr").fill("<b>Déplacement</b>");
    await form.locator("#new-type-nameEn").fill("Meter relocation");
    await form.locator("#new-type-decisionDays").fill("400");
    await form.getByRole("button", { name: fr.types.addSubmit }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor();
    const errors = await alert.innerText();
    expect(errors).toContain(`${fr.fields.code} : ${fr.errors.codeFormat}`);
    expect(errors).toContain(`${fr.fields.nameFr} : ${fr.errors.markup}`);
    expect(errors).toContain(`${fr.fields.decisionDays} : ${fr.errors.daysTooLarge}`);
    expect(await form.locator("#new-type-code").inputValue()).toBe("Déplacement!");
    await shot("fr-types-errors");

    await form.locator("#new-type-code").fill("meter_relocation");
    await form.locator("#new-type-prefix").fill("dc");
    await form.locator("#new-type-nameAr").fill("نقل العداد");
    await form.locator("#new-type-nameFr").fill("Déplacement de compteur");
    await form.locator("#new-type-nameEn").fill("Meter relocation");
    await form.locator("#new-type-doc-national_id").selectOption("required");
    await form.locator("#new-type-doc-last_bill").selectOption("optional");
    await form.locator("input[name=needsContract]").check();
    await form.locator("#new-type-decisionDays").fill("١٠");
    await form.getByRole("button", { name: fr.types.addSubmit }).click();
    await form.getByText(fr.types.added).waitFor();
    const card = page.locator('[data-testid=connection-type][data-code="meter_relocation"]');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain("Déplacement de compteur");
    expect(text).toContain("DC-");
    expect(text).toContain("Dernière facture");
    expect(text).toContain(fr.types.decision.replace("{days}", "10"));
    await shot("fr-types");

    // A price line kept for that type only.
    await page.getByRole("link", { name: fr.nav.connectionPrices }).click();
    await page.waitForURL("**/fr/backoffice/connection-prices");
    const add = page.locator("[data-testid=add-price]");
    await add.locator("#new-price-typeCode").selectOption("meter_relocation");
    await add.locator("#new-price-service").selectOption("electricity");
    await add.locator("#new-price-kind").selectOption("connection_works");
    await add.locator("#new-price-amount").fill("-5");
    await add.getByRole("button", { name: fr.prices.addSubmit }).click();
    await add.getByText(fr.errors.amountNegative).waitFor();
    await add.locator("#new-price-amount").fill("١٢٥٠,٥٠");
    await add.getByRole("button", { name: fr.prices.addSubmit }).click();
    await add.getByText(fr.prices.added).waitFor();
    const line = page.locator(
      '[data-testid=price-line][data-line="electricity/domestic/meter_relocation/connection_works"]',
    );
    await line.waitFor();
    expect((await line.innerText()).replace(/\s/g, " ")).toMatch(/1[\s.]?250,50 MAD/);
    expect(await line.innerText()).toContain("Déplacement de compteur");
    await shot("fr-prices");

    // The customer's list offers the new type at once.
    const customer = await newPage(desktop);
    await signIn(customer, "fr", "salma@wasla.example");
    await customer.goto("/fr/connections/new/meter_relocation");
    await customer.getByText("Déplacement de compteur").first().waitFor();
  });

  it("shows both pages in Arabic, right to left", async () => {
    const page = await newPage(desktop);
    await signIn(page, "ar", "admin@wasla.example");
    await page.goto("/ar/backoffice/connection-types");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByRole("heading", { name: ar.types.title, level: 1 }).waitFor();
    expect(await page.locator("[data-testid=connection-type]").count()).toBeGreaterThanOrEqual(3);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/ar-types.png`, fullPage: true });
    await page.goto("/ar/backoffice/connection-prices");
    await page.getByRole("heading", { name: ar.prices.title, level: 1 }).waitFor();
    expect(await page.locator("[data-testid=price-line]").count()).toBeGreaterThanOrEqual(30);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/ar-prices.png`, fullPage: true });
  });

  it("answers 404 to a clerk and a supervisor, and shows them no menu entry", async () => {
    for (const email of ["connections@wasla.example", "supervisor@wasla.example"]) {
      const page = await newPage(desktop);
      await signIn(page, "fr", email);
      for (const section of ["connection-types", "connection-prices"]) {
        expect((await page.goto(`/fr/backoffice/${section}`))?.status()).toBe(404);
      }
      await page.goto("/fr/backoffice");
      const nav = await page.getByRole("navigation").first().innerText();
      expect(nav).not.toContain(fr.nav.connectionTypes);
      expect(nav).not.toContain(fr.nav.connectionPrices);
    }
  });
});

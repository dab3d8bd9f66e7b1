import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/ar.json";
import { BASE_URL, signIn, setupBrowser } from "./support/browser";

const { newPage, browser } = setupBrowser();
const PASSWORD = "Jadida-2026-safe";

describe("signing up", () => {
  it("sends a verification message, visible in the outbox, whose link verifies the account", async () => {
    const email = `souad.${Date.now()}@example.ma`;
    const page = await newPage();
    await page.goto("/ar/sign-up");
    await page.fill("#name", "سعاد المنصوري");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.fill("#confirmPassword", PASSWORD);
    await Promise.all([
      page.waitForURL(/\/ar\/sign-up\/check-email/),
      page.click("main button[type=submit]"),
    ]);

    // Not verified yet: the right password says so, and only then.
    await page.goto("/ar/sign-in");
    await page.fill("#email", email);
    await page.fill("#password", PASSWORD);
    await page.click("main button[type=submit]");
    await page.getByText(ar.errors.EMAIL_NOT_VERIFIED).waitFor();

    const admin = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(admin, "fr", "admin@wasla.example");
    await admin.goto(`/fr/backoffice/outbox?to=${encodeURIComponent(email)}`);
    const message = admin.locator("[data-testid=outbox-message]");
    expect(await message.count()).toBe(1);
    // Written in the language the customer signed up in.
    expect(await message.innerText()).toContain(ar.email.verifyEmail.subject);
    const body = await message.locator("pre").textContent();
    const link = body!.match(/https?:\/\/\S+\/verify-email\?token=\S+/)![0];
    expect(link.startsWith(`${BASE_URL}/ar/verify-email`)).toBe(true);

    await page.goto(link);
    await Promise.all([
      page.waitForURL(/\/ar\/sign-in\?verified=1/),
      page.click("main button[type=submit]"),
    ]);
    await signIn(page, "ar", email, PASSWORD);
    expect(new URL(page.url()).pathname).toBe("/ar/dashboard");
    await page.getByText(ar.dashboard.emptyTitle).waitFor();

    // The link is spent.
    await page.goto(link);
    await page.click("main button[type=submit]");
    await page.getByText(ar.errors.TOKEN_INVALID).waitFor();
  });

  it("answers bad input with localised errors from the server and creates nothing (no JavaScript)", async () => {
    const context = await browser().newContext({ baseURL: BASE_URL, javaScriptEnabled: false });
    const page = await context.newPage();
    const email = `bad.${Date.now()}@example.ma`;
    const cases: { name: string; email: string; password: string; expect: string }[] = [
      { name: "", email, password: PASSWORD, expect: ar.validation.required },
      { name: "ا".repeat(10_000), email, password: PASSWORD, expect: ar.validation.tooLong },
      {
        name: "<script>alert(1)</script>",
        email,
        password: PASSWORD,
        expect: ar.validation.nameInvalid,
      },
      {
        name: "Robert'); DROP TABLE users;--",
        email,
        password: PASSWORD,
        expect: ar.validation.nameInvalid,
      },
      {
        name: "سعاد",
        email: "x'; DELETE FROM users;--",
        password: PASSWORD,
        expect: ar.validation.emailInvalid,
      },
      { name: "سعاد", email, password: "short", expect: ar.validation.passwordTooShort },
    ];
    for (const c of cases) {
      await page.goto("/ar/sign-up");
      await page.fill("#name", c.name);
      await page.fill("#email", c.email);
      await page.fill("#password", c.password);
      await page.fill("#confirmPassword", c.password);
      await page.click("main button[type=submit]");
      await page.waitForLoadState("load");
      expect(new URL(page.url()).pathname, c.name.slice(0, 30)).toBe("/ar/sign-up");
      expect(await page.locator("main").innerText(), c.name.slice(0, 30)).toContain(c.expect);
    }
    await context.close();

    // Nothing was created: the address cannot sign in and no message was written to it.
    const admin = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(admin, "fr", "admin@wasla.example");
    await admin.goto(`/fr/backoffice/outbox?to=${encodeURIComponent(email)}`);
    expect(await admin.locator("[data-testid=outbox-message]").count()).toBe(0);
  });
});

/**
 * Screenshots of the main pages in Arabic and French at phone and desktop widths, for a person
 * to look at (`npx tsx scripts/screenshots.ts [baseUrl] [outDir]`). Not part of the tests.
 */
import { chromium, type Page } from "playwright-core";
import { chromiumPath, CHROMIUM_ARGS } from "../e2e/support/chromium";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? ".data/screenshots";

async function signIn(page: Page, locale: string, email: string) {
  await page.goto(`${base}/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", "Wasla-demo-2026");
  await Promise.all([
    page.waitForURL(/dashboard|backoffice/),
    page.click("main button[type=submit]"),
  ]);
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const [label, viewport] of [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 900 }],
] as const) {
  for (const locale of ["ar", "fr"]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const shot = (name: string) =>
      page.screenshot({ path: `${out}/${locale}-${label}-${name}.png`, fullPage: true });
    await page.goto(`${base}/${locale}`);
    await shot("home");
    await page.goto(`${base}/${locale}/sign-up`);
    await page.click("main button[type=submit]");
    await shot("sign-up-errors");
    await signIn(page, locale, "customer@wasla.example");
    await page.goto(`${base}/${locale}/dashboard`);
    await shot("dashboard");
    await page.click("[data-testid=contract-card] a");
    await page.waitForURL(/contracts\//);
    await shot("contract");
    await context.close();
    const staff = await browser.newContext({ viewport });
    const staffPage = await staff.newPage();
    await signIn(staffPage, locale, "admin@wasla.example");
    await staffPage.goto(`${base}/${locale}/backoffice/outbox`);
    await staffPage.screenshot({ path: `${out}/${locale}-${label}-outbox.png`, fullPage: true });
    await staff.close();
  }
}
await browser.close();
console.log(`Screenshots in ${out}`);

import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";
export const DEMO_PASSWORD = "Wasla-demo-2026";

/** One Chromium per test file; each test opens its own context (cookies do not leak). */
export function setupBrowser(): {
  browser: () => Browser;
  newPage: (options?: { viewport?: { width: number; height: number } }) => Promise<Page>;
} {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      headless: true,
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });
  return {
    browser: () => browser!,
    newPage: async (options) => {
      const context = await browser!.newContext({
        baseURL: BASE_URL,
        viewport: options?.viewport ?? { width: 390, height: 844 },
      });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Sign in through the real form and wait for the landing page. */
export async function signIn(
  page: Page,
  locale: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`/${locale}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await Promise.all([
    page.waitForURL(/\/(dashboard|backoffice)/),
    page.click("main button[type=submit]"),
  ]);
}

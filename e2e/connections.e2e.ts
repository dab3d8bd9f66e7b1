import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import ar from "@/lib/i18n/messages/connections/ar.json";
import fr from "@/lib/i18n/messages/connections/fr.json";
import { setupBrowser, signIn } from "./support/browser";

const { newPage } = setupBrowser();
const SHOTS = process.env.CONNECTIONS_SHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const pdf = (text: string) => ({
  name: `${text}.pdf`,
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${text} ${Date.now()}\n%%EOF\n`),
});

describe("a new water connection in French, from the form to the dashboard", () => {
  it("files with documents, completes the missing one, pays the quote, and sees the contract", async () => {
    const desktop = { viewport: { width: 1280, height: 900 } };
    const customer = await newPage(desktop);
    const shot = async (name: string, page = customer) => {
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/fr-${name}.png`, fullPage: true });
    };
    await signIn(customer, "fr", "youssef@wasla.example");
    await customer.goto("/fr/connections/new/connection");
    await customer.fill("#name", "Youssef Alaoui");
    await customer.fill("#nationalId", "ab 123456");
    await customer.fill("#phone", "٠٦٦١٢٣٤٥٦٧");
    await shot("form-1-applicant");
    await customer.click(`button:text-is("${fr.form.next}")`);
    // Bad input is refused in the browser with the shared schema's message.
    await customer.fill("#latitude", "999");
    await customer.click(`button:text-is("${fr.form.next}")`);
    await expect.poll(() => customer.locator("#latitude-error").textContent()).toContain("degrés");
    await customer.fill("#addressLine", "45 rue des Orangers, lotissement Al Qods");
    await customer.fill("#city", "El Jadida");
    await customer.fill("#latitude", "33.2316");
    await customer.fill("#longitude", "-8.5007");
    await shot("form-2-premises");
    await customer.click(`button:text-is("${fr.form.next}")`);
    await customer.selectOption("#service", "water");
    await customer.selectOption("#detail", "15");
    await customer.click(`button:text-is("${fr.form.next}")`);
    for (const code of ["national_id", "title_or_lease", "occupancy_permit"]) {
      await customer.setInputFiles(`#doc-${code}`, pdf(code));
      await expect
        .poll(() => customer.locator(`[data-testid=doc-${code}]`).textContent())
        .toContain("Reçu");
    }
    // An HTML page named .pdf is refused by its content.
    await customer.setInputFiles("#doc-site_plan", {
      name: "plan.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await expect.poll(() => customer.locator("#doc-site_plan-error").textContent()).toBeTruthy();
    await shot("form-4-documents");
    await customer.click(`button:text-is("${fr.form.next}")`);
    await expect
      .poll(() => customer.locator("[data-testid=review]").textContent())
      .toContain("Youssef Alaoui");
    await shot("form-5-review");
    await Promise.all([
      customer.waitForURL(/\/fr\/connections\/[0-9a-f-]{36}\?filed=1$/),
      customer.click(`button:text-is("${fr.form.submit}")`),
    ]);
    const requestUrl = customer.url().split("?")[0]!;
    const requestId = requestUrl.split("/").pop()!;
    const ack = await customer.request.get(`/api/connections/${requestId}/acknowledgement?lang=fr`);
    expect(ack.status()).toBe(200);
    expect(ack.headers()["content-type"]).toBe("application/pdf");
    expect((await ack.body()).subarray(0, 5).toString()).toBe("%PDF-");

    const clerk = await newPage(desktop);
    await signIn(clerk, "fr", "connections@wasla.example");
    await clerk.goto("/fr/backoffice/connections");
    expect(await clerk.locator("[data-testid=connections-queue]").textContent()).toContain(
      fr.stages.submitted,
    );
    const staffUrl = `/fr/backoffice/connections/${requestId}`;
    await clerk.goto(staffUrl);
    const step = async (button: string, stage: string, fill?: () => Promise<void>) => {
      await fill?.();
      await clerk.click(`[data-testid=stage-actions] button:text-is("${button}")`);
      await expect
        .poll(() => clerk.locator("h1").textContent(), { timeout: 15000 })
        .toContain(stage);
    };
    await step(fr.admin.askDocuments, fr.stages.incomplete, async () => {
      await clerk.selectOption("select[name=doc_site_plan]", "missing");
    });

    await customer.goto(requestUrl);
    expect(await customer.locator("[data-testid=stage]").textContent()).toBe(fr.stages.incomplete);
    await customer.setInputFiles("#doc-site_plan", pdf("plan-de-situation"));
    await expect
      .poll(() => customer.locator("[data-testid=doc-site_plan]").textContent())
      .toContain("Reçu");
    await Promise.all([
      customer.waitForURL(/completed=1$/),
      customer.click(`button:text-is("${fr.sendDocuments}")`),
    ]);

    await clerk.goto(staffUrl);
    await step(fr.admin.acceptDocuments, fr.stages.documents_checked);
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    await step(fr.admin.scheduleVisit, fr.stages.visit_scheduled, () =>
      clerk.fill("input[name=date]", tomorrow),
    );
    await shot("backoffice-request", clerk);
    await step(fr.admin.visitDone, fr.stages.visit_done);
    await step(fr.admin.issueQuote, fr.stages.quote_issued);

    await customer.goto(requestUrl);
    expect(await customer.locator("[data-testid=visit]").textContent()).toContain("matin");
    await Promise.all([
      customer.waitForURL(/\/fr\/pay\/test\/[0-9a-f-]{36}$/),
      customer.click(`button:text-is("${fr.payQuote}")`),
    ]);
    await Promise.all([customer.waitForURL(requestUrl), customer.click("[data-testid=test-pay]")]);
    expect(await customer.locator("[data-testid=stage]").textContent()).toBe(fr.stages.quote_paid);

    await clerk.goto(staffUrl);
    await step(fr.admin.scheduleWorks, fr.stages.works_scheduled, () =>
      clerk.fill("input[name=date]", tomorrow),
    );
    await step(fr.admin.worksDone, fr.stages.works_done);
    const serial = `EAU-E2E-${Date.now()}`;
    await step(fr.admin.installMeter, fr.stages.meter_installed, () =>
      clerk.fill("input[name=serial]", serial),
    );
    await step(fr.admin.activate, fr.stages.contract_activated);

    await customer.goto(requestUrl);
    await shot("timeline");
    const status = (await (await customer.request.get(`/api/v1/requests/${requestId}`)).json()) as {
      contractNo: string;
      stage: string;
    };
    expect(status.stage).toBe("contract_activated");
    await customer.goto("/fr/dashboard");
    expect(await customer.locator("main").textContent()).toContain(status.contractNo);

    // The same pages in Arabic, right to left (looked at as screenshots).
    await customer.goto(requestUrl.replace("/fr/", "/ar/"));
    expect(await customer.getAttribute("html", "dir")).toBe("rtl");
    expect(await customer.locator("[data-testid=stage]").textContent()).toBe(
      ar.stages.contract_activated,
    );
    if (SHOTS) {
      await customer.screenshot({ path: `${SHOTS}/ar-timeline.png`, fullPage: true });
      await clerk.goto(staffUrl.replace("/fr/", "/ar/"));
      await clerk.screenshot({ path: `${SHOTS}/ar-backoffice-request.png`, fullPage: true });
      await customer.goto("/ar/connections/new/connection");
      await customer.screenshot({ path: `${SHOTS}/ar-form-1-applicant.png`, fullPage: true });
      await customer.click(`button:text-is("${ar.form.next}")`);
      await customer.screenshot({ path: `${SHOTS}/ar-form-1-errors.png`, fullPage: true });
    }
  }, 240_000);
});

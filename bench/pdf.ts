/**
 * `npm run bench:pdf`: how fast an Arabic bill renders to a complete PDF Buffer.
 *
 * Renders the sample Arabic bill (lib/documents/fixtures.ts) BENCH_WARMUP times untimed, then
 * BENCH_BILLS times one after the other, timing each from the call to the last byte. Reports
 * bills/s and median/p95 ms per PDF; results go to bench/results/ (git-ignored).
 *
 * Knobs (environment):
 *   BENCH_BILLS    timed renders (200)
 *   BENCH_WARMUP   untimed renders first (20)
 *   BENCH_LOCALE   ar | fr | en (ar)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { DocLocale } from "@/lib/documents/bill-document";
import { renderBillPdfBuffer } from "@/lib/documents/bill-pdf";
import { sampleBill } from "@/lib/documents/fixtures";

const BILLS = Number(process.env.BENCH_BILLS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const LOCALE = (process.env.BENCH_LOCALE ?? "ar") as DocLocale;

const round = (n: number) => Math.round(n * 100) / 100;

function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)]!;
}

async function main() {
  const data = sampleBill(LOCALE);
  const coldStart = performance.now();
  await renderBillPdfBuffer(data);
  const coldMs = performance.now() - coldStart;
  for (let i = 1; i < WARMUP; i++) await renderBillPdfBuffer(data);

  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < BILLS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const pdf = await renderBillPdfBuffer(data);
    times.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    bytes += pdf.length;
  }
  const totalMs = performance.now() - start;
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);

  const result = {
    bench: "pdf",
    at: new Date().toISOString(),
    locale: LOCALE,
    bills: BILLS,
    warmup: WARMUP,
    billsPerSecond: round((BILLS / totalMs) * 1000),
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times[times.length - 1]!),
    // CPU time of this process per PDF: what the wall times would be on an idle core.
    cpuMedianMs: round(percentile(cpu, 50)),
    cpuP95Ms: round(percentile(cpu, 95)),
    loadAverage: os.loadavg().map(round),
    firstRenderMs: round(coldMs),
    averageBytes: Math.round(bytes / BILLS),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? "unknown",
    cpus: os.cpus().length,
  };
  console.log(
    `${result.bills} ${LOCALE} bills: ${result.billsPerSecond} bills/s, median ${result.medianMs} ms, ` +
      `p95 ${result.p95Ms} ms (CPU median ${result.cpuMedianMs} ms, p95 ${result.cpuP95Ms} ms), ` +
      `first ${result.firstRenderMs} ms, ${result.averageBytes} bytes each, load ${result.loadAverage[0]}`,
  );
  const dir = path.join("bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pdf-${result.at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Written to ${file}`);
}

await main();

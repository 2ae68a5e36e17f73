import { auditSisterCityData, AUDIT_CHECKS, readAuditBaseline, summarizeAudit } from "@scg/shared/data";

/**
 * `npm run data:audit [-- --without-aliases] [-- --list]`: audits the sister-city data as the
 * importers read it, prints a table (found, accounted for by the alias table or the baseline, new),
 * lists every new finding, and exits 1 when there is one. `--without-aliases` shows the data as it
 * was before the alias table; `--list` prints every finding's key (to review the baseline).
 */
function main() {
  const args = process.argv.slice(2);
  const report = auditSisterCityData(undefined, args.includes("--without-aliases") ? [] : undefined);
  const summary = summarizeAudit(report, readAuditBaseline());
  const rate = ((100 * report.withCoordinates) / report.communities).toFixed(1);
  console.log(`Sister-city data: ${report.communities} communities, ${report.partnerships} partnerships; coordinates for ${report.withCoordinates} (${rate}%).\n`);
  const widths = [24, 7, 10, 5];
  const row = (cells: (string | number)[]) => console.log(cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  "));
  row(["check", "found", "accounted", "new"]);
  for (const { check, found, accounted, fresh } of summary) row([check, found, accounted, fresh.length]);
  const fresh = summary.flatMap((s) => s.fresh);
  for (const finding of fresh) console.log(`\nNEW ${finding.check}: ${finding.detail}\n    ${AUDIT_CHECKS[finding.check]}; key ${finding.key}`);
  if (args.includes("--list")) for (const finding of report.findings) console.log(`${finding.key}\t${finding.explainedBy ?? ""}\t${finding.detail}`);
  if (fresh.length > 0) {
    console.log(`\n${fresh.length} new finding(s): fix them (shared/data/sister-cities/aliases.csv) or acknowledge them with a reason (audit-baseline.json).`);
    process.exitCode = 1;
  }
}

main();

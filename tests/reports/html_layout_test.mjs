// The HTML report of the samples in headless Chromium at 1280 and 390 px and printed to PDF: no sideways overflow, dates
// on one line, cards on a phone, verdicts legible on paper, no console messages; screenshots and PDF pages kept as artefacts.
import {spawnSync} from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import {Browser, requireChromium, skip, sleep, tap} from "../lib/cdp.mjs";

const [exe, sourceDir, artifactDir] = process.argv.slice(2);
if (!exe || !sourceDir || !artifactDir) {
  console.error("usage: node --experimental-websocket html_layout_test.mjs SANCHECK SOURCE_DIR ARTIFACT_DIR");
  process.exit(2);
}
requireChromium();
if (spawnSync("pdftoppm", ["-v"]).error) skip("needs pdftoppm (Debian: poppler-utils)");

// The page box of the report's @page rule (A4, 12 mm margins) and its printable width in CSS pixels (96 per inch).
const PAGE_MM = {width: 210, height: 297, margin: 12};
const PRINT_WIDTH = Math.floor((PAGE_MM.width - 2 * PAGE_MM.margin) / 25.4 * 96);
const RENDER_DPI = 60;

fs.rmSync(artifactDir, {recursive: true, force: true});
fs.mkdirSync(artifactDir, {recursive: true});

// The samples (as every report test takes them) and the report edge cases, whose waivers fill the waivers table.
const samples = spawnSync("bash", ["tests/reports/sample_scenarios.sh"], {cwd: sourceDir, encoding: "utf8"})
  .stdout.split("\n").filter(Boolean);
const report = path.join(artifactDir, "report.html");
const run = spawnSync(exe, ["check", "--fail-on", "never", "--format", "html=" + report, "--waivers",
                            "tests/reports/waivers/mixed.yaml", "--prepared-by", "Ann Analyst", ...samples,
                            "tests/reports/scenarios"],
                      {cwd: sourceDir, encoding: "utf8", env: {...process.env, SOURCE_DATE_EPOCH: "1700000000"}});
if (run.status !== 0 || !fs.existsSync(report)) {
  console.log("not ok - sancheck wrote the HTML report\n# " + run.stderr);
  process.exit(1);
}

// What the reader must see of every sample: each item's HS code and each party's country (as facts_test.sh).
const facts = spawnSync("bash", ["tests/reports/sample_facts.sh"], {cwd: sourceDir, encoding: "utf8"})
  .stdout.split("\n").filter(Boolean).map((line) => line.split(" "));
const hsCodes = facts.filter(([kind]) => kind === "hs").map(([, value]) => value);
const countries = facts.filter(([kind]) => kind === "country").map(([, value]) => value);

let browser = null, timedOut = false;
const watchdog = setTimeout(() => {
  console.log("not ok - the test finished within 150 s");
  timedOut = true;
  (browser ? browser.close() : Promise.resolve()).finally(() => process.exit(1));
}, 150_000);

// Evaluated in the page: what overflows, which dates wrap, which dates are not kept whole, how tables are laid out.
const LAYOUT = `(() => {
  const width = window.innerWidth;
  const out = {width, scrollWidth: document.documentElement.scrollWidth, sticking: [], wrapped: [], loose: []};
  for (const e of document.querySelectorAll("main *")) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5) && out.sticking.length < 5) {
      out.sticking.push(e.tagName.toLowerCase() + "." + e.className + " [" + Math.round(r.left) + ", " + Math.round(r.right) +
                        "]: " + e.textContent.slice(0, 60));
    }
  }
  for (const t of document.querySelectorAll("time")) {
    if (t.getClientRects().length !== 1) out.wrapped.push(t.textContent);
  }
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/(^|[^0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(n.data) && !n.parentElement.closest("time")) out.loose.push(n.data.trim());
  }
  const cells = [...document.querySelectorAll("tbody td")];
  out.cellDisplays = [...new Set(cells.map((c) => getComputedStyle(c).display))];
  out.unlabelled = document.querySelectorAll("table:has(thead) tbody td:not([data-label])").length;
  out.text = document.body.innerText;
  return out;
})()`;

function checkLayout(what, l) {
  tap.check(l.scrollWidth <= l.width, what + ": no horizontal overflow (scrollWidth " + l.scrollWidth + ", viewport " + l.width + ")",
            l.sticking.join("\n"));
  tap.check(l.sticking.length === 0, what + ": no element reaches past the viewport's edges", l.sticking.join("\n"));
  tap.check(l.wrapped.length === 0, what + ": every date stays on one line", l.wrapped.join(", "));
}

// The rows of a greyscale page image (PGM, as pdftoppm -gray writes it), for looking at its margins.
function readPgm(file) {
  const buf = fs.readFileSync(file);
  const header = buf.toString("latin1", 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error(file + " is not a binary PGM");
  return {width: +header[1], height: +header[2], pixels: buf.subarray(header[0].length)};
}

// Ink within `mm` of the page's left or right edge: the page margin is 12 mm, so anything there was pushed past the
// printable width.
function inkAtEdges(pgm, mm) {
  const strip = Math.ceil(mm / 25.4 * RENDER_DPI);
  let ink = 0;
  for (let y = 0; y < pgm.height; ++y) {
    const row = pgm.pixels.subarray(y * pgm.width, (y + 1) * pgm.width);
    for (let x = 0; x < strip; ++x) if (row[x] < 200 || row[pgm.width - 1 - x] < 200) ++ink;
  }
  return ink;
}

async function main() {
  browser = await Browser.launch();
  const page = await browser.newPage();
  const url = "file://" + path.resolve(report);

  for (const [width, height, mobile] of [[1280, 900, false], [390, 844, true]]) {
    await page.viewport(width, height, mobile);
    await page.navigate(url);
    const l = await page.evaluate(LAYOUT);
    checkLayout(width + " px", l);
    tap.check(l.loose.length === 0, width + " px: every date in the text is marked as one (<time>)", l.loose.slice(0, 5).join("\n"));
    const stacked = width < 600;
    tap.check(l.cellDisplays.length === 1 && (l.cellDisplays[0] === "block") === stacked,
              width + " px: table cells are " + (stacked ? "stacked (display: block)" : "table cells"), l.cellDisplays.join(", "));
    tap.check(l.unlabelled === 0, width + " px: every cell under a header row carries its column name", l.unlabelled + " without");
    const missingHs = hsCodes.filter((hs) => !l.text.includes("HS " + hs));
    tap.check(hsCodes.length > 0 && missingHs.length === 0, width + " px: every sample item's HS code is shown (" + hsCodes.length + ")",
              "missing: " + missingHs.join(", "));
    const missingCountries = countries.filter((c) => !l.text.includes("· " + c + " ·"));
    tap.check(countries.length > 0 && missingCountries.length === 0,
              width + " px: every sample party's country is shown (" + countries.length + ")", "missing: " + missingCountries.join(", "));
    await page.screenshot(path.join(artifactDir, "report-" + width + ".png"));
  }

  // Paper: the print style sheet laid out at the page's printable width.
  await page.viewport(PRINT_WIDTH, 1000, false);
  await page.send("Emulation.setEmulatedMedia", {media: "print"});
  const p = await page.evaluate(`(() => {
    const badges = [...document.querySelectorAll(".badge")];
    const findings = [...document.querySelectorAll("ul.findings > li")];
    return {
      scenarios: document.querySelectorAll("section.scenario").length,
      breaks: [...document.querySelectorAll("section.scenario")].filter((s) => getComputedStyle(s).breakBefore === "page").length,
      verdictBadges: [...document.querySelectorAll(".badge.prohibited, .badge.review, .badge.permitted")]
        .filter((b) => !b.querySelector("svg.icon use") || !/^(prohibited|review|permitted)$/.test(b.textContent)).length,
      colouredBadges: badges.filter((b) => getComputedStyle(b).backgroundColor !== "rgba(0, 0, 0, 0)" ||
                                           getComputedStyle(b).color !== "rgb(0, 0, 0)").length,
      borderStyles: Object.fromEntries(["prohibited", "review", "permitted"].map((v) => [v,
        [...new Set(findings.filter((f) => f.classList.contains("v-" + v)).map((f) => getComputedStyle(f).borderLeftStyle))].join()])),
    };
  })()`);
  checkLayout("print (" + PRINT_WIDTH + " px)", await page.evaluate(LAYOUT));
  tap.check(p.scenarios > 1 && p.breaks === p.scenarios, "print: every scenario starts a page (" + p.breaks + " of " + p.scenarios + ")");
  tap.check(p.verdictBadges === 0, "every verdict badge has its word and its icon", p.verdictBadges + " without");
  tap.check(p.colouredBadges === 0, "print: badges are black on white, not white on a background printers drop",
            p.colouredBadges + " badges");
  const styles = Object.values(p.borderStyles);
  tap.check(styles.every((s) => s && !s.includes(",")) && new Set(styles).size === 3,
            "print: a finding's verdict is also told by its border style", JSON.stringify(p.borderStyles));
  await page.send("Emulation.setEmulatedMedia", {media: ""});

  const {data} = await page.send("Page.printToPDF", {preferCSSPageSize: true, printBackground: false});
  const pdf = path.join(artifactDir, "report.pdf");
  fs.writeFileSync(pdf, Buffer.from(data, "base64"));
  const png = spawnSync("pdftoppm", ["-png", "-r", String(RENDER_DPI), pdf, path.join(artifactDir, "report-page")], {encoding: "utf8"});
  const grey = spawnSync("pdftoppm", ["-gray", "-r", String(RENDER_DPI), pdf, path.join(artifactDir, "grey")], {encoding: "utf8"});
  tap.check(png.status === 0 && grey.status === 0, "pdftoppm renders the PDF", png.stderr + grey.stderr);
  const pages = fs.readdirSync(artifactDir).filter((f) => /^grey-\d+\.pgm$/.test(f)).sort();
  tap.check(pages.length > p.scenarios, "the PDF has a page per scenario and more (" + pages.length + " pages)");
  const a4 = Math.round(PAGE_MM.width / 25.4 * RENDER_DPI);
  const pushed = [];
  for (const f of pages) {
    const pgm = readPgm(path.join(artifactDir, f));
    if (Math.abs(pgm.width - a4) > 2) pushed.push(f + ": " + pgm.width + " px wide, not A4's " + a4);
    const ink = inkAtEdges(pgm, 6);
    if (ink > 0) pushed.push(f + ": " + ink + " dark pixels in the outer 6 mm");
    fs.rmSync(path.join(artifactDir, f));  // the PNGs are the artefacts; the greyscale copies only served this check
  }
  tap.check(pages.length > 0 && pushed.length === 0, "print: no page has ink beyond its margins (no horizontal overflow)",
            pushed.join("\n"));

  await sleep(300);  // late console messages (a CSP report) arrive asynchronously
  tap.check(page.problems.length === 0, "no console messages, exceptions or CSP violations", page.problems.join("\n"));
  console.log("# artefacts: " + fs.readdirSync(artifactDir).join(" "));
}

main().catch((e) => timedOut || tap.check(false, "the test ran to the end", e.stack || e)).finally(async () => {
  clearTimeout(watchdog);
  if (browser) await browser.close();
  process.exit(tap.failures ? 1 : 0);
});

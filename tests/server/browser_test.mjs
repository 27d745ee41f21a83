// Drives the page of `sancheck serve` in headless Chromium over the DevTools protocol, as a phone-sized user would.
import {spawn} from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

import {Browser, announce, requireChromium, sleep, tap} from "../lib/cdp.mjs";

const [exe, sourceDir, artifactDir] = process.argv.slice(2);
const WIDTH = 390, HEIGHT = 844;

if (!exe || !sourceDir || !artifactDir) {
  console.error("usage: node --experimental-websocket browser_test.mjs SANCHECK SOURCE_DIR ARTIFACT_DIR");
  process.exit(2);
}
requireChromium();
fs.mkdirSync(artifactDir, {recursive: true});

let server = null, browser = null, timedOut = false, cleaning = null;
function cleanup() { return cleaning ??= stopAll(); }
async function stopAll() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  if (browser) await browser.close();
}

// A hung browser or server must not hang the suite: kill both and fail.
const watchdog = setTimeout(() => {
  console.log("not ok - the test finished within 90 s");
  timedOut = true;
  cleanup().finally(() => process.exit(1));
}, 90_000);

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (r) => { r.resume(); r.on("end", () => resolve(r)); }).on("error", reject);
  });
}

async function main() {
  const started = Date.now();
  server = spawn(exe, ["serve", "--listen", "127.0.0.1:0", "--access-log", "off"], {stdio: ["ignore", "ignore", "pipe"]});
  const port = (await announce(server, /serving on http:\/\/127\.0\.0\.1:(\d+)\//, "sancheck serve"))[1];
  const base = "http://127.0.0.1:" + port + "/";

  browser = await Browser.launch();
  const page = await browser.newPage();
  await page.viewport(WIDTH, HEIGHT, true);
  await page.navigate(base);
  tap.check(true, "the page loads at " + WIDTH + "x" + HEIGHT + " (" + (Date.now() - started) + " ms after start)");

  async function type(selector, text) {
    await page.evaluate(`document.querySelector(${JSON.stringify(selector)}).focus()`);
    await page.send("Input.insertText", {text});
  }
  // Real pointer events at the button's centre, so an overlapping element or an off-screen button would show.
  async function click(selector) {
    const box = await page.evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)});
      e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect();
      return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`);
    for (const type of ["mouseMoved", "mousePressed", "mouseReleased"]) {
      await page.send("Input.dispatchMouseEvent", {type, x: box.x, y: box.y, button: "left", clickCount: 1});
    }
  }
  async function waitText(selector, needle, ms = 10_000) {
    const t0 = Date.now();
    let text = "";
    while (Date.now() - t0 < ms) {
      text = await page.evaluate(`document.querySelector(${JSON.stringify(selector)}).innerText`);
      if (text.includes(needle)) return {ok: true, ms: Date.now() - t0, text};
      await sleep(100);
    }
    return {ok: false, ms, text};
  }

  // The page asks the server for its packs when it loads: once that answer is shown, its script
  // has run and the server has answered a request, so the clicks below are not raced.
  const ready = await waitText("#versions", "packs");
  tap.check(ready.ok, "the page shows the server's packs (" + ready.ms + " ms)", "#versions says: " + JSON.stringify(ready.text));

  await type("#name", "Jo Chun-ryong");
  tap.check(await page.evaluate(`document.querySelector("#name").value`) === "Jo Chun-ryong", "typing fills #name");
  await click("#screen-button");
  let r = await waitText("#screen-result", "KPi.038");
  const where = r.ok ? "" : "; page at " + (await page.evaluate("location.href")) + ", button disabled: " +
      (await page.evaluate(`document.querySelector("#screen-button").disabled`));
  tap.check(r.ok, "screening Jo Chun-ryong shows KPi.038 (" + r.ms + " ms)", "#screen-result says: " + JSON.stringify(r.text) + where);
  await page.screenshot(path.join(artifactDir, "screen-name.png"));

  const yaml = fs.readFileSync(path.join(sourceDir, "samples/article-2023-09/submarine.yaml"), "utf8");
  await type("#scenario", yaml);
  tap.check(await page.evaluate(`document.querySelector("#scenario").value`) === yaml, "pasting fills #scenario");
  await click("#check-button");
  r = await waitText("#check-result", "PROHIBITED");
  tap.check(r.ok, "checking submarine.yaml shows PROHIBITED (" + r.ms + " ms)", "#check-result says: " + JSON.stringify(r.text));
  await page.screenshot(path.join(artifactDir, "check-scenario.png"));

  const width = await page.evaluate("document.documentElement.scrollWidth");
  tap.check(width <= WIDTH, "no sideways scrolling at " + WIDTH + " px (scrollWidth " + width + ")");

  const csp = (await get(base)).headers["content-security-policy"] || "";
  tap.check(csp.includes("default-src 'none'"), "/ is served with Content-Security-Policy default-src 'none'", "got: " + csp);

  // Late console messages (say, a CSP report) arrive asynchronously; give them a moment.
  await sleep(300);
  tap.check(page.problems.length === 0, "no console messages, exceptions or CSP violations", page.problems.join("\n"));
  console.log("# " + (Date.now() - started) + " ms in all");
}

// After a timeout, main() fails only because the browser is gone: not worth a second report.
main().catch((e) => timedOut || tap.check(false, "the test ran to the end", e.stack || e)).finally(async () => {
  clearTimeout(watchdog);
  await cleanup();
  process.exit(tap.failures ? 1 : 0);
});

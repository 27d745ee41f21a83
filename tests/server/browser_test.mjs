// Drives the page of `sancheck serve` in headless Chromium over the DevTools protocol, as a phone-sized user would.
import {spawn} from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const [exe, sourceDir, artifactDir] = process.argv.slice(2);
const CHROMIUM = "/usr/bin/chromium";
const WIDTH = 390, HEIGHT = 844;

if (!exe || !sourceDir || !artifactDir) {
  console.error("usage: node --experimental-websocket browser_test.mjs SANCHECK SOURCE_DIR ARTIFACT_DIR");
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM) || typeof WebSocket === "undefined") {
  console.log("skip - needs " + CHROMIUM + " and node's WebSocket (--experimental-websocket)");
  process.exit(77);
}
fs.mkdirSync(artifactDir, {recursive: true});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let server = null, chromium = null, ws = null, failures = 0, timedOut = false, cleaning = null;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "sancheck-browser-"));

// Chromium's helper processes outlive a killed browser and keep writing to the profile, so the browser is asked to
// quit, waited for, and its whole process group (it leads one) killed before the profile is removed.
function cleanup() { return cleaning ??= stopAll(); }
async function stopAll() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  if (chromium && chromium.exitCode === null && chromium.signalCode === null) {
    const exited = new Promise((resolve) => chromium.once("exit", resolve));
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({id: 0, method: "Browser.close"}));
    await Promise.race([exited, sleep(3000)]);
  }
  if (chromium) try { process.kill(-chromium.pid, "SIGKILL"); } catch {}
  if (ws) try { ws.close(); } catch {}
  try {
    fs.rmSync(profile, {recursive: true, force: true, maxRetries: 10, retryDelay: 100});
  } catch (e) {
    console.log("# could not remove " + profile + ": " + e.message);
  }
}

function check(ok, what, detail) {
  console.log((ok ? "ok - " : "not ok - ") + what + (ok || !detail ? "" : "\n#   " + String(detail).replace(/\n/g, "\n#   ")));
  if (!ok) failures++;
}

// A hung browser or server must not hang the suite: kill both and fail.
const watchdog = setTimeout(() => {
  console.log("not ok - the test finished within 90 s");
  timedOut = true;
  cleanup().finally(() => process.exit(1));
}, 90_000);

// Resolves with the first match of `re` on the child's stderr, which is where both programs announce their address.
function announce(child, re, what) {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      seen += chunk;
      const m = re.exec(seen);
      if (m) resolve(m);
    });
    child.on("exit", (code) => reject(new Error(what + " exited (" + code + ") before it was ready:\n" + seen)));
    child.on("error", reject);
  });
}

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (r) => { r.resume(); r.on("end", () => resolve(r)); }).on("error", reject);
  });
}

// One browser-level socket; page commands carry the flattened session id.
let nextId = 1;
const pending = new Map(), listeners = [];
function send(method, params = {}, sessionId = undefined) {
  const id = nextId++;
  ws.send(JSON.stringify({id, method, params, sessionId}));
  return new Promise((resolve, reject) => pending.set(id, {resolve, reject, method}));
}
function onEvent(fn) { listeners.push(fn); }
function waitEvent(method, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no " + method + " within " + ms + " ms")), ms);
    onEvent((m) => { if (m.method === method) { clearTimeout(timer); resolve(m.params); } });
  });
}

async function main() {
  const started = Date.now();
  server = spawn(exe, ["serve", "--listen", "127.0.0.1:0", "--access-log", "off"], {stdio: ["ignore", "ignore", "pipe"]});
  const port = (await announce(server, /serving on http:\/\/127\.0\.0\.1:(\d+)\//, "sancheck serve"))[1];
  const base = "http://127.0.0.1:" + port + "/";

  const flags = ["--headless=new", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run",
                 "--no-default-browser-check", "--disable-gpu", "--hide-scrollbars"];
  // Chromium refuses to start its sandbox as root, which is how containers usually run the suite.
  if (process.getuid && process.getuid() === 0) flags.push("--no-sandbox");
  chromium = spawn(CHROMIUM, [...flags, "about:blank"], {stdio: ["ignore", "ignore", "pipe"], detached: true});
  const wsUrl = (await announce(chromium, /DevTools listening on (ws:\/\/\S+)/, "chromium"))[1];

  ws = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error("cannot connect to " + wsUrl)); });
  ws.onmessage = (event) => {
    const m = JSON.parse(event.data);
    if (m.id && pending.has(m.id)) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      m.error ? p.reject(new Error(p.method + ": " + m.error.message)) : p.resolve(m.result);
    } else if (m.method) {
      for (const fn of listeners) fn(m);
    }
  };

  const {targetId} = await send("Target.createTarget", {url: "about:blank"});
  const {sessionId} = await send("Target.attachToTarget", {targetId, flatten: true});
  const page = (method, params) => send(method, params, sessionId);

  const problems = [];
  onEvent((m) => {
    if (m.sessionId !== sessionId) return;
    const p = m.params;
    if (m.method === "Runtime.consoleAPICalled" && ["error", "warning", "assert"].includes(p.type)) {
      problems.push("console." + p.type + ": " + p.args.map((a) => a.value ?? a.description).join(" "));
    } else if (m.method === "Runtime.exceptionThrown") {
      const d = p.exceptionDetails;
      problems.push("exception: " + (d.exception && d.exception.description || d.text));
    } else if (m.method === "Log.entryAdded" && p.entry.level === "error") {
      problems.push("log (" + p.entry.source + "): " + p.entry.text + (p.entry.url ? " at " + p.entry.url : ""));
    }
  });
  await Promise.all([page("Page.enable"), page("Runtime.enable"), page("Log.enable")]);
  await page("Emulation.setDeviceMetricsOverride", {width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: true});

  const loaded = waitEvent("Page.loadEventFired", 15_000);
  await page("Page.navigate", {url: base});
  await loaded;
  check(true, "the page loads at " + WIDTH + "x" + HEIGHT + " (" + (Date.now() - started) + " ms after start)");

  async function evaluate(expression) {
    const r = await page("Runtime.evaluate", {expression, returnByValue: true, awaitPromise: true});
    if (r.exceptionDetails) throw new Error("evaluating " + expression + ": " + r.exceptionDetails.text);
    return r.result.value;
  }
  async function type(selector, text) {
    await evaluate(`document.querySelector(${JSON.stringify(selector)}).focus()`);
    await page("Input.insertText", {text});
  }
  // Real pointer events at the button's centre, so an overlapping element or an off-screen button would show.
  async function click(selector) {
    const box = await evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)});
      e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect();
      return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`);
    for (const type of ["mouseMoved", "mousePressed", "mouseReleased"]) {
      await page("Input.dispatchMouseEvent", {type, x: box.x, y: box.y, button: "left", clickCount: 1});
    }
  }
  async function waitText(selector, needle, ms = 10_000) {
    const t0 = Date.now();
    let text = "";
    while (Date.now() - t0 < ms) {
      text = await evaluate(`document.querySelector(${JSON.stringify(selector)}).innerText`);
      if (text.includes(needle)) return {ok: true, ms: Date.now() - t0, text};
      await sleep(100);
    }
    return {ok: false, ms, text};
  }
  async function screenshot(name) {
    const {data} = await page("Page.captureScreenshot", {format: "png", captureBeyondViewport: true});
    fs.writeFileSync(path.join(artifactDir, name), Buffer.from(data, "base64"));
  }

  await type("#name", "Jo Chun-ryong");
  check(await evaluate(`document.querySelector("#name").value`) === "Jo Chun-ryong", "typing fills #name");
  await click("#screen-button");
  let r = await waitText("#screen-result", "KPi.038");
  check(r.ok, "screening Jo Chun-ryong shows KPi.038 (" + r.ms + " ms)", "#screen-result says: " + JSON.stringify(r.text));
  await screenshot("screen-name.png");

  const yaml = fs.readFileSync(path.join(sourceDir, "samples/article-2023-09/submarine.yaml"), "utf8");
  await type("#scenario", yaml);
  check(await evaluate(`document.querySelector("#scenario").value`) === yaml, "pasting fills #scenario");
  await click("#check-button");
  r = await waitText("#check-result", "PROHIBITED");
  check(r.ok, "checking submarine.yaml shows PROHIBITED (" + r.ms + " ms)", "#check-result says: " + JSON.stringify(r.text));
  await screenshot("check-scenario.png");

  const width = await evaluate("document.documentElement.scrollWidth");
  check(width <= WIDTH, "no sideways scrolling at " + WIDTH + " px (scrollWidth " + width + ")");

  const csp = (await get(base)).headers["content-security-policy"] || "";
  check(csp.includes("default-src 'none'"), "/ is served with Content-Security-Policy default-src 'none'", "got: " + csp);

  // Late console errors (say, a CSP report) arrive asynchronously; give them a moment.
  await sleep(300);
  check(problems.length === 0, "no console errors, exceptions or CSP violations", problems.join("\n"));
  console.log("# " + (Date.now() - started) + " ms in all");
}

// After a timeout, main() fails only because the browser is gone: not worth a second report.
main().catch((e) => timedOut || check(false, "the test ran to the end", e.stack || e)).finally(async () => {
  clearTimeout(watchdog);
  await cleanup();
  process.exit(failures ? 1 : 0);
});

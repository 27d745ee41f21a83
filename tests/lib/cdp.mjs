// Headless Chromium over the DevTools protocol for the browser tests, with Node alone (no npm packages): launch, pages, clean stop.
import {spawn} from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The browser: $CHROMIUM, else the first of Debian's and other distributions' names on the PATH.
export const CHROMIUM = process.env.CHROMIUM || ["chromium", "chromium-browser", "google-chrome"]
  .flatMap((name) => (process.env.PATH || "").split(path.delimiter).map((dir) => path.join(dir, name)))
  .find((file) => fs.existsSync(file));

// A missing tool exits 77: ctest skips the test, or fails it in CI (sancheck_needs_tools in tests/CMakeLists.txt).
export function skip(why) {
  console.log("skip - " + why);
  process.exit(77);
}

export function requireChromium() {
  if (!CHROMIUM) skip("needs Chromium (chromium on the PATH, or CHROMIUM=/path/to/it)");
}

// TAP-like lines, counted: a test exits 1 when any check failed.
export const tap = {
  failures: 0,
  check(ok, what, detail) {
    console.log((ok ? "ok - " : "not ok - ") + what + (ok || !detail ? "" : "\n#   " + String(detail).replace(/\n/g, "\n#   ")));
    if (!ok) this.failures++;
    return ok;
  },
};

// Resolves with the first match of `re` on the child's stderr, where Chromium (and sancheck serve) announce their address.
export function announce(child, re, what) {
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

export class Browser {
  #child = null;
  #ws = null;
  #profile = fs.mkdtempSync(path.join(os.tmpdir(), "sancheck-browser-"));
  #nextId = 1;
  #pending = new Map();
  #listeners = [];
  #closing = null;

  static async launch() {
    const b = new Browser();
    const flags = ["--headless=new", "--remote-debugging-port=0", "--user-data-dir=" + b.#profile, "--no-first-run",
                   "--no-default-browser-check", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--disable-extensions"];
    // Chromium refuses to start its sandbox as root, which is how containers usually run the suite.
    if (process.getuid && process.getuid() === 0) flags.push("--no-sandbox");
    b.#child = spawn(CHROMIUM, [...flags, "about:blank"], {stdio: ["ignore", "ignore", "pipe"], detached: true});
    const wsUrl = (await announce(b.#child, /DevTools listening on (ws:\/\/\S+)/, "chromium"))[1];
    b.#ws = new WebSocket(wsUrl);
    await new Promise((resolve, reject) => {
      b.#ws.onopen = resolve;
      b.#ws.onerror = () => reject(new Error("cannot connect to " + wsUrl));
    });
    b.#ws.onmessage = (event) => b.#dispatch(JSON.parse(event.data));
    return b;
  }

  #dispatch(m) {
    if (m.id && this.#pending.has(m.id)) {
      const p = this.#pending.get(m.id);
      this.#pending.delete(m.id);
      m.error ? p.reject(new Error(p.method + ": " + m.error.message)) : p.resolve(m.result);
    } else if (m.method) {
      for (const fn of this.#listeners) fn(m);
    }
  }

  // One browser-level socket; page commands carry the flattened session id.
  send(method, params = {}, sessionId = undefined) {
    const id = this.#nextId++;
    this.#ws.send(JSON.stringify({id, method, params, sessionId}));
    return new Promise((resolve, reject) => this.#pending.set(id, {resolve, reject, method}));
  }

  onEvent(fn) { this.#listeners.push(fn); }

  async newPage() {
    const {targetId} = await this.send("Target.createTarget", {url: "about:blank"});
    const {sessionId} = await this.send("Target.attachToTarget", {targetId, flatten: true});
    const page = new Page(this, sessionId);
    await Promise.all([page.send("Page.enable"), page.send("Runtime.enable"), page.send("Log.enable")]);
    return page;
  }

  // Chromium's helper processes outlive a killed browser and keep writing to the profile, so the browser is asked to
  // quit, waited for, and its whole process group (it leads one) killed before the profile is removed.
  close() { return this.#closing ??= this.#stop(); }
  async #stop() {
    const child = this.#child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (this.#ws && this.#ws.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify({id: 0, method: "Browser.close"}));
      await Promise.race([exited, sleep(3000)]);
    }
    if (child) try { process.kill(-child.pid, "SIGKILL"); } catch {}
    if (this.#ws) try { this.#ws.close(); } catch {}
    try {
      fs.rmSync(this.#profile, {recursive: true, force: true, maxRetries: 10, retryDelay: 100});
    } catch (e) {
      console.log("# could not remove " + this.#profile + ": " + e.message);
    }
  }
}

// A tab: its commands, and every console message, exception, or warning or error Chromium logs about it (`problems`;
// not its verbose advice, such as a password field outside a form).
export class Page {
  problems = [];

  constructor(browser, sessionId) {
    this.browser = browser;
    this.sessionId = sessionId;
    browser.onEvent((m) => {
      if (m.sessionId !== sessionId) return;
      const p = m.params;
      if (m.method === "Runtime.consoleAPICalled") {
        this.problems.push("console." + p.type + ": " + p.args.map((a) => a.value ?? a.description).join(" "));
      } else if (m.method === "Runtime.exceptionThrown") {
        const d = p.exceptionDetails;
        this.problems.push("exception: " + (d.exception && d.exception.description || d.text));
      } else if (m.method === "Log.entryAdded" && ["warning", "error"].includes(p.entry.level)) {
        this.problems.push("log " + p.entry.level + " (" + p.entry.source + "): " + p.entry.text +
                           (p.entry.url ? " at " + p.entry.url : ""));
      }
    });
  }

  send(method, params = {}) { return this.browser.send(method, params, this.sessionId); }

  waitEvent(method, ms) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no " + method + " within " + ms + " ms")), ms);
      this.browser.onEvent((m) => {
        if (m.sessionId === this.sessionId && m.method === method) { clearTimeout(timer); resolve(m.params); }
      });
    });
  }

  async viewport(width, height, mobile) {
    await this.send("Emulation.setDeviceMetricsOverride", {width, height, deviceScaleFactor: 1, mobile});
  }

  async navigate(url) {
    const loaded = this.waitEvent("Page.loadEventFired", 15_000);
    await this.send("Page.navigate", {url});
    await loaded;
  }

  async evaluate(expression) {
    const r = await this.send("Runtime.evaluate", {expression, returnByValue: true, awaitPromise: true});
    if (r.exceptionDetails) throw new Error("evaluating " + expression + ": " + r.exceptionDetails.text);
    return r.result.value;
  }

  // The whole page as PNG files: `file` itself, or file-1.png, file-2.png, ... for a page taller than one tile, since
  // Chromium never answers a capture much taller than its texture limit (16384 px).
  async screenshot(file) {
    const TILE = 8000;
    const size = await this.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
    const tiles = Math.max(1, Math.ceil(size[1] / TILE));
    const files = [];
    for (let i = 0; i < tiles; ++i) {
      const clip = {x: 0, y: i * TILE, width: size[0], height: Math.min(TILE, size[1] - i * TILE), scale: 1};
      const {data} = await this.send("Page.captureScreenshot", {format: "png", captureBeyondViewport: true, clip});
      files.push(tiles === 1 ? file : file.replace(/(\.png)?$/, "-" + (i + 1) + ".png"));
      fs.writeFileSync(files[i], Buffer.from(data, "base64"));
    }
    return files;
  }
}

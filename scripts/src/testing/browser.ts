import { existsSync } from "node:fs";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

/**
 * Debian's chromium (`apt-get install -y chromium`), driven by playwright-core: playwright's own
 * browser download cannot work on these machines. CHROMIUM_PATH points elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether a browser test can run here; a suite without one skips, saying why. */
export const hasChromium = () => existsSync(CHROMIUM_PATH);

/** Something a page did that a test of a working page does not expect. */
export interface PageProblem {
  kind: "console-error" | "page-error" | "request-failed" | "http-error" | "left-loopback";
  text: string;
  url?: string;
}

/** A failure the test provokes on purpose (a 403 to an anonymous call, say): not a problem. */
export interface ExpectedFailure {
  /** The request's URL contains this string, or matches this pattern. */
  url: string | RegExp;
  status: number;
}

export interface OpenPageOptions extends Pick<BrowserContextOptions, "viewport" | "locale" | "timezoneId" | "colorScheme"> {
  expectedFailures?: ExpectedFailure[];
  /** Milliseconds for each of playwright's waits and actions (default 15 s). */
  timeoutMs?: number;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Every problem so far, in the order they happened; a working page has none. */
  problems(): PageProblem[];
  /** From now on, also accept this failure. */
  expectFailure(failure: ExpectedFailure): void;
  /** Closes the page and its browser. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** Whether a request stays on this machine: loopback hosts, or data:/blob: URLs that never touch a network. */
export function staysOnLoopback(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === "data:" || parsed.protocol === "blob:" || parsed.protocol === "about:") return true;
  return LOOPBACK_HOSTS.has(parsed.hostname);
}

/** Problem texts are kept short: a CSP violation quotes whole data: URLs. */
const short = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

const matches = (failure: ExpectedFailure, url: string, status: number) =>
  failure.status === status && (typeof failure.url === "string" ? url.includes(failure.url) : failure.url.test(url));

/**
 * Opens `url` in a fresh headless chromium (its own browser and context: no state shared with
 * other tests) and records what a working page never does: console errors (CSP violations and
 * failed resource loads land here too), uncaught page errors, requests that fail, responses of
 * 400 and above, and any request that leaves loopback, which is also blocked so a test can never
 * depend on the internet (recorded once, as left-loopback). Failures declared in
 * `expectedFailures` (or later with `expectFailure`) are not problems, nor is the console line
 * chromium logs for them.
 * Navigation waits for "load"; the test waits for what it needs after that.
 */
export async function openPage(url: string, options: OpenPageOptions = {}): Promise<OpenedPage> {
  // Loaded here, not at the top: playwright-core costs half a second to load, and most test
  // files that import @scg/scripts/testing never open a browser.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const expected = [...(options.expectedFailures ?? [])];
  const found: PageProblem[] = [];
  const isExpected = (requestUrl: string, status: number) => expected.some((failure) => matches(failure, requestUrl, status));
  try {
    const { expectedFailures: _expected, timeoutMs = 15_000, ...contextOptions } = options;
    const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
    context.setDefaultTimeout(timeoutMs);
    await context.route((target) => !staysOnLoopback(target.href), (route) => route.abort("blockedbyclient"));
    context.on("request", (request) => {
      if (!staysOnLoopback(request.url())) found.push({ kind: "left-loopback", text: `${request.method()} ${request.url()}`, url: request.url() });
    });
    context.on("requestfailed", (request) => {
      if (!staysOnLoopback(request.url())) return; // already recorded as left-loopback
      found.push({ kind: "request-failed", text: `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "failed"}`, url: request.url() });
    });
    context.on("response", (response) => {
      if (response.status() < 400 || isExpected(response.url(), response.status())) return;
      found.push({ kind: "http-error", text: `${response.request().method()} ${response.url()}: HTTP ${response.status()}`, url: response.url() });
    });
    context.on("console", (message) => {
      if (message.type() !== "error") return;
      const source = message.location().url;
      // Chromium logs every failed load as "Failed to load resource: …": for an expected failure that line is expected
      // too, and for a request that left loopback (which we blocked) it says again what left-loopback already says.
      const failedLoad = message.text().startsWith("Failed to load resource");
      const status = /status of (\d{3})/.exec(message.text())?.[1];
      if (failedLoad && source && (!staysOnLoopback(source) || (status && isExpected(source, Number(status))))) return;
      found.push({ kind: "console-error", text: short(message.text()), url: source || undefined });
    });
    context.on("weberror", (error) => found.push({ kind: "page-error", text: short(String(error.error())) }));
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    return {
      page,
      context,
      problems: () => [...found],
      expectFailure: (failure) => void expected.push(failure),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

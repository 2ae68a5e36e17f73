import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { graphqlRequest } from "@scg/shared/testing";
import { CHROMIUM_PATH, hasChromium, openPage, startNetwork, type Network, type OpenedPage } from "@scg/scripts/testing";

/**
 * The pages the gateway serves to people: the partnership map (/map) and the partner widget
 * (/embed/v1/sister-cities.js on another site), each in headless Chromium, failing on any console
 * error, failed request or request that leaves loopback.
 */
const ROOT = join(__dirname, "..", "..");
const SCREENSHOTS = join(ROOT, "docs", "screenshots");
const describeInBrowser = hasChromium() ? describe : (name: string, fn: () => void) => describe.skip(`${name} (skipped: no chromium at ${CHROMIUM_PATH})`, fn);

let network: Network;
let origin: string;
beforeAll(async () => {
  network = await startNetwork({ gatewayEnv: { RATE_LIMIT_ENABLED: "false" } });
  origin = new URL(network.gatewayUrl).origin;
});
afterAll(() => network?.stop());

async function screenshot(opened: OpenedPage, name: string) {
  if (process.env.SCREENSHOTS !== "1") return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await opened.page.screenshot({ path: join(SCREENSHOTS, name) });
}

describe("what the pages are served with", () => {
  it("the map is a page under a strict policy; the widget is a module any page may load, its operation id written in", async () => {
    const map = await fetch(`${origin}/map`);
    expect(map.status).toBe(200);
    expect(map.headers.get("content-security-policy")).toContain("script-src 'self';");
    expect(map.headers.get("content-security-policy")).toContain("connect-src 'self'");
    const html = await map.text();
    expect(html).not.toMatch(/https?:\/\/(?!creativecommons\.org)[a-z0-9.-]+\//i);
    const settings = JSON.parse(/<script type="application\/json" id="settings">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(Object.keys(settings.operations).sort()).toEqual(["CommunityProfile", "MapFacets", "PartnershipMap"]);

    const widget = await fetch(`${origin}/embed/v1/sister-cities.js`, { headers: { origin: "https://partner.example" } });
    expect(widget.status).toBe(200);
    expect(widget.headers.get("access-control-allow-origin")).toBe("*");
    expect(widget.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(widget.headers.get("cache-control")).toBe("public, max-age=300");
    const source = await widget.text();
    expect(source).not.toContain("__SCG_SISTER_CITIES_WIDGET_ID__");
    expect(source).toMatch(/[0-9a-f]{64}/);
    // Small: under 15 kB gzipped (it is about 4.5 kB).
    const { gzipSync } = await import("node:zlib");
    expect(gzipSync(source).length).toBeLessThan(15_000);
  });
});

describeInBrowser("the map in a browser", () => {
  it("shows every partnership, says how many, and draws the located ones", async () => {
    const { data } = await graphqlRequest(network.gatewayUrl, `{ partnerships(first: 0) { totalCount } }`);
    const total: number = data.partnerships.totalCount;
    const opened = await openPage(`${origin}/map`, { viewport: { width: 1440, height: 900 } });
    try {
      const { page } = opened;
      await page.locator("body[data-state=ready]").waitFor();
      expect(await page.locator("#summary").textContent()).toBe(`${total.toLocaleString("en-US")} partnerships`);
      const arcs = Number(await page.locator("#map").getAttribute("data-arcs"));
      expect(arcs).toBeGreaterThan(total * 0.75); // both ends located for most
      expect(arcs).toBeLessThanOrEqual(total);
      // Each filter lists its choices with counts; Japan says 321.
      expect(await page.locator("#filter-country option", { hasText: "Japan (321)" }).count()).toBe(1);
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("?country=JP says 321 partnerships, and the filters keep the URL", async () => {
    const opened = await openPage(`${origin}/map?country=JP`);
    try {
      const { page } = opened;
      await page.locator("body[data-state=ready]").waitFor();
      expect(await page.locator("#summary").textContent()).toBe("321 partnerships");
      expect(await page.locator("#filter-country").inputValue()).toBe("JP");
      // Narrow to Washington's partnerships with Japan: the URL says so, the count follows the facets.
      const washington = await graphqlRequest(network.gatewayUrl, `{ partnerships(filter: { partnerCountryCode: "JP", countryCode: "US", regionCode: "WA" }, first: 0) { totalCount } }`);
      await page.locator("#filter-state").selectOption("WA");
      await page.locator("#summary", { hasText: `${washington.data.partnerships.totalCount} partnership` }).waitFor();
      expect(new URL(page.url()).search).toBe("?country=JP&state=WA");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("?community=seattle-wa-us opens Seattle's panel: 16 sister cities with Kobe, its programs and upcoming events", async () => {
    const opened = await openPage(`${origin}/map?community=seattle-wa-us`, { viewport: { width: 1440, height: 900 } });
    try {
      const { page } = opened;
      const panel = page.locator("#panel");
      await panel.getByText("16 sister cities").waitFor();
      await panel.getByText("Kobe", { exact: true }).waitFor();
      expect(await panel.getByRole("heading", { name: "Seattle" }).count()).toBe(1);
      for (const heading of ["Sister cities", "Programs", "Upcoming events"]) expect(await panel.getByRole("heading", { name: heading }).count()).toBe(1);
      await page.locator("body[data-state=ready]").waitFor();
      await screenshot(opened, "map-seattle.png");
      // Escape closes it and the URL forgets it.
      await page.keyboard.press("Escape");
      await panel.waitFor({ state: "hidden" });
      expect(new URL(page.url()).search).toBe("");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("the list view works from the keyboard: a table of communities, each opening its panel", async () => {
    const opened = await openPage(`${origin}/map?state=WA`);
    try {
      const { page } = opened;
      await page.locator("body[data-state=ready]").waitFor();
      await page.getByRole("button", { name: "List" }).click();
      const table = page.getByRole("table");
      await table.waitFor();
      expect(await table.locator("tbody tr").count()).toBeGreaterThan(10);
      const seattle = table.getByRole("button", { name: "Seattle" });
      await seattle.focus();
      await page.keyboard.press("Enter");
      await page.locator("#panel").getByText("16 sister cities").waitFor();
      expect(new URL(page.url()).searchParams.get("community")).toBe("seattle-wa-us");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

/** A partner's site on another origin, serving one page with whatever `body` says (the pasted snippet). */
interface PartnerSite {
  url: string;
  origin: string;
  server: Server;
  body: string;
}

async function partnerSite(): Promise<PartnerSite> {
  const site = { body: "" } as PartnerSite;
  site.server = createServer((_req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    // The partner's own CSS tries to restyle everything; the widget's shadow root keeps it out.
    res.end(`<!doctype html><html lang="en"><head><title>Partner</title><style>* { color: red !important; font-size: 40px; } li { display: none; }</style></head>
      <body><h1>Our sister cities</h1>${site.body}</body></html>`);
  });
  await new Promise<void>((resolve) => site.server.listen(0, "127.0.0.1", resolve));
  site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  site.url = `${site.origin}/`;
  return site;
}

describeInBrowser("the widget on a partner's site", () => {
  let allowed: PartnerSite;
  let other: PartnerSite;
  let snippet: string;
  beforeAll(async () => {
    [allowed, other] = await Promise.all([partnerSite(), partnerSite()]);
    // The key is made as a partner's admin would make it, and both sites paste what it printed.
    const output = execFileSync(
      process.execPath,
      [join(ROOT, "scripts", "dist", "api-key.js"), "create", "--name", "Seattle partner", "--origin", allowed.origin, "--community", "seattle-wa-us", "--gateway-url", origin],
      { env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL }, encoding: "utf8" },
    );
    snippet = /(<script type="module"[^\n]*\n<sister-cities[^\n]*)/.exec(output)![1];
    allowed.body = other.body = snippet;
  });
  afterAll(async () => {
    for (const site of [allowed, other]) await new Promise((resolve) => site?.server.close(resolve));
  });

  it("npm run api-key -- create prints the two lines to paste", () => {
    expect(snippet).toMatch(new RegExp(`^<script type="module" src="${origin}/embed/v1/sister-cities.js"></script>\\n<sister-cities community="seattle-wa-us" api-key="[^"]+"></sister-cities>$`));
  });

  it("from the origin its key allows: Seattle's 16 sister cities, in a shadow root the page's CSS cannot break", async () => {
    const opened = await openPage(allowed.url, { viewport: { width: 900, height: 1100 } });
    try {
      const { page } = opened;
      const card = page.locator("sister-cities");
      await card.getByText("16 sister cities").waitFor();
      await card.getByText("Kobe", { exact: true }).waitFor();
      expect(await card.locator("li").count()).toBe(16);
      expect(await card.locator("li").first().isVisible()).toBe(true);
      expect(await card.getByText("Kobe", { exact: true }).evaluate((node) => (globalThis as unknown as { getComputedStyle(n: unknown): { color: string } }).getComputedStyle(node).color)).not.toBe("rgb(255, 0, 0)");
      await screenshot(opened, "widget.png");
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it("from an origin its key does not allow: the gateway answers 403 and the card says why", async () => {
    const opened = await openPage(other.url, { expectedFailures: [{ url: "/graphql", status: 403 }] });
    try {
      const { page } = opened;
      await page.locator("sister-cities").getByRole("alert").getByText("not allowed to show sister cities").waitFor();
      // What the gateway answered the widget's GET, as the browser recorded it.
      const statuses = await page.evaluate(() =>
        (performance.getEntriesByType("resource") as unknown as { name: string; responseStatus: number }[]).filter((entry) => entry.name.includes("/graphql?")).map((entry) => entry.responseStatus),
      );
      expect(statuses).toEqual([403]);
      expect(opened.problems()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

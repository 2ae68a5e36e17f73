import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildClientSchema, getIntrospectionQuery, getVariableValues, Kind, parse, validate, type IntrospectionQuery, type OperationDefinitionNode } from "graphql";
import { DEVELOPMENT_INTERNAL_SECRET, Role } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { CHROMIUM_PATH, hasChromium, openPage, startNetwork, type Network, type OpenedPage } from "@scg/scripts/testing";

const ATTRIBUTION =
  "# Data: Sister Cities Graph. Sister-city pairs from English Wikipedia lists, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); coordinates GeoNames (CC BY 4.0).";
const SCREENSHOT = join(__dirname, "..", "..", "docs", "screenshots", "ide.png");

/** The settings the gateway rendered into the page, as the browser code reads them. */
interface PageSettings {
  endpoint: string;
  profile: string;
  examples: { query: string; variables?: string }[];
}
const settingsOf = (html: string): PageSettings =>
  JSON.parse(/<script type="application\/json" id="settings">([\s\S]*?)<\/script>/.exec(html)![1]) as PageSettings;
const operationOf = (query: string) => parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

const describeInBrowser = hasChromium() ? describe : (name: string, fn: () => void) => describe.skip(`${name} (skipped: no chromium at ${CHROMIUM_PATH})`, fn);

/** An editor's whole text: CodeMirror 5 draws only the lines in view, but keeps its instance on its element. */
const editorText = (opened: OpenedPage, selector: string) =>
  opened.page.evaluate<string>(`document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)}).CodeMirror.getValue()`);
const responseText = (opened: OpenedPage) => editorText(opened, ".result-window");

/** Opens the documentation explorer and waits for the schema it shows (which only an answered introspection gives). */
async function expectSchemaInDocs(opened: OpenedPage) {
  const { page } = opened;
  await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
  await page.locator(".graphiql-doc-explorer").getByText("Root Types").waitFor();
  await page.locator(".graphiql-doc-explorer").getByRole("link", { name: "Query" }).first().waitFor();
}

describe("the IDE, development profile", () => {
  let network: Network;
  let html: string;
  let response: Response;
  beforeAll(async () => {
    network = await startNetwork();
    response = await fetch(network.gatewayUrl, { headers: { accept: "text/html" } });
    html = await response.text();
  });
  afterAll(() => network?.stop());

  it("is a page with no inline script under a strict Content-Security-Policy, its assets served as immutable", async () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self';");
    expect(response.headers.get("content-security-policy")).not.toContain("unsafe-eval");
    expect(html).not.toMatch(/<script(?![^>]*(type="application\/json"|src=))/);
    const script = /<script type="module" src="(\/assets\/[^"]+\.js)">/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script!, network.gatewayUrl));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("offers every product operation as an example; every query example answers without an error, every mutation's variables fit its schema", async () => {
    const settings = settingsOf(html);
    expect(settings).toMatchObject({ endpoint: "/graphql", profile: "development" });
    const operations = settings.examples.map((example) => ({ ...example, operation: operationOf(example.query) }));
    const manifest = JSON.parse(readFileSync(join(__dirname, "..", "persisted-operations.json"), "utf8")) as { operations: { name: string; body: string }[] };
    expect(operations.map((o) => o.operation.name?.value).sort()).toEqual(manifest.operations.map((o) => o.name).sort());
    // Each example is its trusted operation byte for byte, after at most a comment of ours.
    for (const { query, operation } of operations) {
      const body = manifest.operations.find((o) => o.name === operation.name?.value)!.body;
      expect(query.replace(/^#.*\n/gm, "").trim()).toBe(body);
    }
    const introspection = await graphqlRequest(network.gatewayUrl, getIntrospectionQuery());
    const schema = buildClientSchema(introspection.data as IntrospectionQuery);
    for (const { query, variables, operation } of operations) {
      const name = operation.name!.value;
      expect({ name, errors: validate(schema, parse(query)).map((e) => e.message) }).toEqual({ name, errors: [] });
      const values = variables ? (JSON.parse(variables) as Record<string, unknown>) : {};
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], values);
      expect({ name, errors: coerced.errors?.map((e) => e.message) ?? [] }).toEqual({ name, errors: [] });
      if (operation.operation === "mutation") {
        expect({ name, says: /^# Needs (a|no) token/m.test(query) }).toEqual({ name, says: true });
        continue;
      }
      const answer = await graphqlRequest(network.gatewayUrl, query, { variables: values });
      expect({ name, status: answer.status, errors: answer.errors }).toEqual({ name, status: 200, errors: undefined });
    }
    const variablesOf = (name: string) => JSON.parse(settings.examples.find((e) => operationOf(e.query).name?.value === name)!.variables!);
    expect(variablesOf("CommunityProfile")).toEqual({ slug: "seattle-wa-us" });
    // The mutations name real communities: ProposePartnership proposes Seattle–Kyoto.
    const ids = await graphqlRequest(network.gatewayUrl, `{ seattle: community(slug: "seattle-wa-us") { id } kyoto: community(slug: "kyoto-jp") { id } }`);
    expect(variablesOf("ProposePartnership").input.communityIds).toEqual([ids.data.seattle.id, ids.data.kyoto.id]);
  });

  describeInBrowser("in a browser", () => {
    let opened: OpenedPage | undefined;
    afterAll(() => opened?.close());

    it("works on first load: schema in the docs, the examples as tabs, CommunityProfile runs, its list becomes a table and a CSV", async () => {
      opened = await openPage(network.gatewayUrl, { viewport: { width: 1440, height: 900 } });
      const { page } = opened;
      await expectSchemaInDocs(opened);
      // No pre-filled headers: the editor is empty, so nothing breaks the schema fetch.
      expect(await editorText(opened, ".graphiql-editor-tool .graphiql-editor:nth-child(2)")).toBe("");
      for (const name of ["CommunityProfile", "CountryPartnerships", "NetworkStats", "ProposePartnership"]) {
        await page.locator(".graphiql-tab-button", { hasText: new RegExp(`^${name}$`) }).waitFor();
      }

      // The explorer plugin builds its tree from the same schema.
      await page.getByRole("button", { name: "Show GraphiQL Explorer" }).click();
      await page.locator(".graphiql-explorer-root").getByText("community", { exact: true }).first().waitFor();

      await page.locator(".graphiql-tab-button", { hasText: /^CommunityProfile$/ }).click();
      expect(JSON.parse(await editorText(opened, ".graphiql-editor-tool .graphiql-editor:nth-child(1)"))).toEqual({ slug: "seattle-wa-us" });
      await page.getByRole("button", { name: "Execute query (Ctrl-Enter)" }).click();
      await page.locator(".result-window").getByText("Seattle").first().waitFor();
      const result = JSON.parse(await responseText(opened)) as {
        data: { community: { name: string; organizations: unknown[]; sisterCities: { partner: { name: string } }[] } };
      };
      expect(result.data.community.name).toBe("Seattle");
      expect(result.data.community.sisterCities.map((s) => s.partner.name)).toContain("Kobe");

      await page.getByRole("button", { name: "Show Table" }).click();
      const table = page.getByRole("table");
      await table.waitFor();
      // The first list of the result, depth-first, that has items: the organizations when Seattle has some.
      const first = result.data.community.organizations.length > 0 ? result.data.community.organizations : result.data.community.sisterCities;
      expect(await page.getByLabel("List").inputValue()).toBe(first === result.data.community.organizations ? "community.organizations" : "community.sisterCities");
      expect(await table.locator("tbody tr").count()).toBe(first.length);
      await page.getByLabel("List").selectOption("community.sisterCities");
      await expect(table.getByRole("columnheader", { name: "partner.name", exact: true }).count()).resolves.toBe(1);
      await table.getByRole("cell", { name: "Kobe", exact: true }).waitFor();
      expect(await table.locator("tbody tr").count()).toBe(result.data.community.sisterCities.length);
      if (process.env.SCREENSHOTS === "1") {
        mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
        await page.screenshot({ path: SCREENSHOT });
      }

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
      expect(download.suggestedFilename()).toBe("CommunityProfile-community.sisterCities.csv");
      const csv = readFileSync((await download.path())!, "utf8");
      const lines = csv.split("\r\n");
      expect(lines[0]).toBe(ATTRIBUTION);
      expect(lines[1].split(",")).toEqual(expect.arrayContaining(["partner.slug", "partner.name", "partner.country.code", "partnership.status"]));
      const rows = lines.slice(2, -1);
      expect(rows).toHaveLength(result.data.community.sisterCities.length);
      expect(rows.some((row) => row.includes("kobe-jp") && row.includes("Kobe"))).toBe(true);
      expect(lines.at(-1)).toBe("");

      expect(opened.problems()).toEqual([]);
    });

    it("every partnership with Japan as a CSV in three clicks: the CountryPartnerships tab, ▶, Download CSV", async () => {
      const japan = await openPage(network.gatewayUrl, { viewport: { width: 1440, height: 900 } });
      try {
        const { page } = japan;
        await page.locator(".graphiql-tab-button", { hasText: /^CountryPartnerships$/ }).click();
        await page.getByRole("button", { name: "Execute query (Ctrl-Enter)" }).click();
        await page.getByText(/^CountryPartnerships: country\.partnerships.*, 321 rows/).waitFor();
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
        const lines = readFileSync((await download.path())!, "utf8").split("\r\n");
        expect(lines[0]).toBe(ATTRIBUTION);
        expect(lines.slice(2, -1)).toHaveLength(321);
        expect(japan.problems()).toEqual([]);
      } finally {
        await japan.close();
      }
    });
  });
});

describeInBrowser("the IDE, production profile, in a browser", () => {
  let network: Network;
  let opened: OpenedPage | undefined;
  beforeAll(async () => {
    network = await startNetwork({
      gatewayEnv: {
        NODE_ENV: "production",
        INTERNAL_SECRET: DEVELOPMENT_INTERNAL_SECRET,
        JWT_SECRET: "a-production-like-secret-for-tests-only",
        SHARED_STORE: "memory",
      },
    });
  });
  afterAll(async () => {
    await opened?.close();
    await network?.stop();
  });

  it("an anonymous visitor sees 'Sign in to explore' and no error; with an analyst token GraphiQL loads the schema", async () => {
    opened = await openPage(network.gatewayUrl);
    const { page } = opened;
    await page.getByRole("heading", { name: "Sign in to explore" }).waitFor();
    expect(await page.locator(".graphiql-container").count()).toBe(0);
    expect(opened.problems()).toEqual([]);

    // A token the gateway refuses is said in words (the 401 is provoked, so expected).
    opened.expectFailure({ url: "/graphql", status: 401 });
    await page.getByLabel("Token").fill("not-a-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("did not accept that token").waitFor();

    const token = await network.tokenFor({ subject: "analyst-ide", roles: [Role.ANALYST], communityIds: [], organizationIds: [] });
    await page.getByLabel("Token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectSchemaInDocs(opened);
    // The token lives in this tab's session: a reload goes straight to GraphiQL; signing out forgets it.
    await page.reload();
    await expectSchemaInDocs(opened);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to explore" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Sign in to explore" }).waitFor();
    expect(opened.problems()).toEqual([]);
  });
});

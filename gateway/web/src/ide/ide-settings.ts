/**
 * What the gateway tells the page (pageHtml's JSON settings element); the same shape as
 * `IdeSettings` in gateway/src/http/graphiql.ts, which writes it.
 */
export interface IdeSettings {
  /** Where GraphQL is answered, such as "/graphql". */
  endpoint: string;
  /** The gateway's profile: in production only signed-in analysts and staff may explore the schema. */
  profile: "development" | "production";
  /** The product's operations, one tab each, with example variables (JSON text). */
  examples: { query: string; variables?: string }[];
}

/** The settings the page was rendered with; a page without them is a bug in the gateway, said plainly. */
export function readIdeSettings(doc: Document = document): IdeSettings {
  const text = doc.getElementById("settings")?.textContent;
  if (!text) throw new Error("The page has no settings element (#settings); the gateway renders it with pageHtml.");
  const settings = JSON.parse(text) as Partial<IdeSettings>;
  if (typeof settings.endpoint !== "string" || (settings.profile !== "development" && settings.profile !== "production") || !Array.isArray(settings.examples)) {
    throw new Error(`The page's settings are not what the IDE expects (endpoint, profile, examples): ${text.slice(0, 200)}`);
  }
  return settings as IdeSettings;
}

import { operationNameFor } from "./gateway-fetcher";

describe("operationNameFor", () => {
  it("keeps a name that the document defines", () => {
    expect(operationNameFor("query A { a } query B { b }", "B")).toBe("B");
  });
  it("a stale name (the previous tab's) with a one-operation document: that operation", () => {
    expect(operationNameFor("query CountryPartnerships { country(code: \"JP\") { name } }", "CommunityProfile")).toBe("CountryPartnerships");
    expect(operationNameFor("{ networkStats { partnerships } }", "CommunityProfile")).toBeNull();
  });
  it("leaves the choice to the gateway when the document has several operations, or does not parse", () => {
    expect(operationNameFor("query A { a } query B { b }", "C")).toBe("C");
    expect(operationNameFor("query A { a", "A")).toBe("A");
  });
});

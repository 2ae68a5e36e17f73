/// <reference types="jest" />
import { flattenRows } from "./flatten-rows";

describe("flattenRows", () => {
  it("flattens nested objects to dotted columns and joins lists with '; ', columns in first-seen order", () => {
    const table = flattenRows([
      { id: "p1", status: "ACTIVE", communities: [{ slug: "seattle-wa-us", country: { code: "US" } }, { slug: "kobe-jp", country: { code: "JP" } }], focusAreas: ["CULTURE_AND_ARTS", "TOURISM_AND_SPORTS"] },
      { id: "p2", status: null, communities: [], focusAreas: [], establishedYear: 1957 },
    ]);
    expect(table).toEqual({
      columns: ["id", "status", "communities.slug", "communities.country.code", "focusAreas", "establishedYear"],
      rows: [
        { id: "p1", status: "ACTIVE", "communities.slug": "seattle-wa-us; kobe-jp", "communities.country.code": "US; JP", focusAreas: "CULTURE_AND_ARTS; TOURISM_AND_SPORTS" },
        { id: "p2", status: "", focusAreas: "", establishedYear: "1957" },
      ],
    });
  });

  it("keeps a null object's or empty list's own column only where no row gives it dotted columns", () => {
    expect(flattenRows([{ location: null, events: [] }]).columns).toEqual(["location", "events"]);
    expect(flattenRows([{ location: null }, { location: { latitude: 47.6 } }])).toEqual({ columns: ["location.latitude"], rows: [{}, { "location.latitude": "47.6" }] });
  });

  it("keeps positions in joined lists when an item lacks a value, and turns a list of scalars into one column", () => {
    expect(flattenRows([{ partners: [{ name: "A", region: null }, { name: "B", region: "Hyōgo" }] }]).rows).toEqual([{ "partners.name": "A; B", "partners.region": "; Hyōgo" }]);
    expect(flattenRows(["JP", "US", true, 3])).toEqual({ columns: ["value"], rows: [{ value: "JP" }, { value: "US" }, { value: "true" }, { value: "3" }] });
  });
});

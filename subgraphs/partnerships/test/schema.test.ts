import { composeServices } from "@apollo/composition";
import { buildDirectorySchema } from "@scg/directory";
import { createLogger, migrate } from "@scg/shared";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type GraphQLInputObjectType, type GraphQLObjectType } from "graphql";
import { buildPartnershipsSchema, createPartnershipsDataSource, PARTNERSHIPS_SCHEMA, STATUS_TRANSITIONS } from "../src/index.js";

const SDL_FILE = join(__dirname, "..", "schema.graphql");

describe("partnerships schema", () => {
  it("composes with the directory into a supergraph without errors", async () => {
    const [directory, partnerships] = await Promise.all([buildDirectorySchema(), buildPartnershipsSchema()]);
    const result = composeServices([
      { name: "directory", typeDefs: parse(directory.sdl), url: "http://directory" },
      { name: "partnerships", typeDefs: parse(partnerships.sdl), url: "http://partnerships" },
    ]);
    expect(result.errors ?? []).toEqual([]);
    const supergraph = result.supergraphSdl ?? "";
    expect(supergraph).toMatch(/sisterCities\(/);
    expect(supergraph).toMatch(/networkStats: NetworkStats!/);
  });

  it("keeps the contract's names and argument shapes", async () => {
    const { schema } = await buildPartnershipsSchema();
    const shape = (typeName: string, fieldName: string) => {
      const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName];
      return `${field.args.map((arg) => `${arg.name}: ${arg.type}`).sort().join(", ")} -> ${field.type}`;
    };
    expect(shape("Mutation", "proposePartnership")).toBe("input: ProposePartnershipInput! -> Partnership!");
    expect(shape("Mutation", "signPartnership")).toBe("id: ID!, input: SignPartnershipInput! -> Partnership!");
    expect(shape("Query", "partnerships")).toBe("after: String, filter: PartnershipFilter, first: Int, orderBy: PartnershipOrder -> PartnershipConnection!");
    expect(shape("Query", "partnershipFacets")).toBe("filter: PartnershipFilter -> PartnershipFacets!");
    expect(shape("Query", "networkStats")).toBe(" -> NetworkStats!");
    // Nullable, so that an outage of this subgraph nulls only them (issue 10; accepted contract change).
    expect(shape("Community", "sisterCities")).toBe("status: [PartnershipStatus!] -> [SisterCityLink!]");
    expect(shape("Community", "partnershipCount")).toBe(" -> Int");
    expect(shape("Country", "partnershipCount")).toBe(" -> Int");
    expect(shape("Country", "partnerships")).toBe("after: String, first: Int, orderBy: PartnershipOrder -> PartnershipConnection");
    expect(shape("Signature", "signedOn")).toBe(" -> Date!");
    expect(shape("Partnership", "establishedOn")).toBe(" -> Date");
    expect(shape("Partnership", "communities")).toBe(" -> [Community!]!");
    const input = (name: string) =>
      Object.values((schema.getType(name) as GraphQLInputObjectType).getFields()).map((f) => `${f.name}: ${f.type}`).sort();
    expect(input("ProposePartnershipInput")).toEqual(["communityIds: [ID!]!", "focusAreas: [ActiveArea!]"]);
    expect(input("SignPartnershipInput")).toEqual(["communityId: ID!", "signatoryName: String!", "signatoryTitle: String!", "signedOn: Date!"]);
    expect(input("PartnershipFilter")).toEqual([
      "countryCode: ID", "focusAreas: [ActiveArea!]", "partnerCountryCode: ID", "provenance: [ProvenanceKind!]", "regionCode: String", "status: [PartnershipStatus!]", "worldRegion: String",
    ]);
  });

  it("documents every type and field it defines", async () => {
    const { schema } = await buildPartnershipsSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("_") || type.name.startsWith("__") || ["String", "Int", "Boolean", "ID", "Float", "Query", "Mutation"].includes(type.name)) continue;
      if (["link__Import", "link__Purpose", "federation__FieldSet", "federation__Scope", "federation__Policy", "federation__ContextFieldValue"].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if ("getFields" in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.name.startsWith("_") && !field.description && !(type.name.endsWith("Edge") && field.name === "node") && !(type.name.endsWith("Connection") && ["edges", "pageInfo"].includes(field.name))) {
            undocumented.push(`${type.name}.${field.name}`);
          }
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("writes its SDL to schema.graphql", async () => {
    const { sdl } = await buildPartnershipsSchema();
    expect(readFileSync(SDL_FILE, "utf8")).toContain("type Partnership");
  });

  it("states the lifecycle as a table: TERMINATED is final, PROPOSED becomes ACTIVE only through signatures", () => {
    expect(STATUS_TRANSITIONS).toEqual({
      PROPOSED: ["TERMINATED"],
      ACTIVE: ["INACTIVE", "TERMINATED"],
      INACTIVE: ["ACTIVE", "TERMINATED"],
      TERMINATED: [],
    });
  });
});

describe("partnerships migrations", () => {
  it("match the entities exactly (the schema builder has nothing to change)", async () => {
    const dataSource = createPartnershipsDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1, log: createLogger("test", "silent") });
    await dataSource.initialize();
    try {
      expect(await migrate(dataSource, PARTNERSHIPS_SCHEMA)).toEqual([]); // already applied by the global setup
      const log = await dataSource.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

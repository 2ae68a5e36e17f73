import { composeServices } from "@apollo/composition";
import { join } from "node:path";
import { parse, type GraphQLInputObjectType, type GraphQLObjectType } from "graphql";
import { buildDirectorySchema } from "@scg/directory";
import { testServiceEnv } from "@scg/shared/testing";
import { buildProgramsSchema, createProgramsDataSource, PROGRAMS_SCHEMA } from "../src/index.js";

// A stand-in for the partnerships subgraph's SDL (being written in parallel): just enough of
// Partnership for composition to check this subgraph's references to it.
const PARTNERSHIPS_STUB = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  enum PartnershipStatus { PROPOSED ACTIVE INACTIVE TERMINATED }
  type Community @key(fields: "id") { id: ID! }
  type Partnership @key(fields: "id") { id: ID! status: PartnershipStatus! communities: [Community!]! }
  type Query { partnership(id: ID!): Partnership }
`;

describe("programs schema", () => {
  it("composes with the directory (and a partnerships stand-in) without errors", async () => {
    const { sdl } = await buildProgramsSchema();
    const result = composeServices([
      { name: "directory", typeDefs: parse((await buildDirectorySchema()).sdl), url: "http://directory" },
      { name: "partnerships", typeDefs: parse(PARTNERSHIPS_STUB), url: "http://partnerships" },
      { name: "programs", typeDefs: parse(sdl), url: "http://programs" },
    ]);
    expect(result.errors ?? []).toEqual([]);
  });

  it("keeps the contract's Program fields and documents every type and field", async () => {
    const { sdl, schema } = await buildProgramsSchema();
    type Described = { name?: { value: string }; description?: unknown; fields?: readonly Described[] };
    const undocumented: string[] = [];
    for (const definition of parse(sdl).definitions as readonly Described[]) {
      if (!definition.name || !definition.fields) continue;
      // The connection and edge types come from @scg/shared's ConnectionType (documented there, not here).
      if (/(Connection|Edge)$/.test(definition.name.value)) continue;
      if (!definition.description && !["Query", "Mutation"].includes(definition.name.value)) undocumented.push(definition.name.value);
      for (const field of definition.fields) if (!field.description) undocumented.push(`${definition.name.value}.${field.name?.value}`);
    }
    expect(undocumented).toEqual([]);
    expect(sdl).toMatch(/type Program @key\(fields: "id"\)/);
    const program = schema.getType("Program") as GraphQLObjectType;
    expect(Object.fromEntries(["id", "title", "areas", "ageGroups", "partnership"].map((f) => [f, String(program.getFields()[f].type)]))).toEqual({
      id: "ID!", title: "String!", areas: "[ActiveArea!]!", ageGroups: "[AgeGroup!]!", partnership: "Partnership!",
    });
    const programs = schema.getQueryType()!.getFields().programs;
    expect(String(programs.type)).toBe("ProgramConnection!");
    expect(Object.fromEntries(programs.args.map((a) => [a.name, String(a.type)]))).toEqual({ filter: "ProgramFilter", orderBy: "ProgramOrder", first: "Int", after: "String" });
    const filter = schema.getType("ProgramFilter") as GraphQLInputObjectType;
    expect(Object.keys(filter.getFields())).toEqual(expect.arrayContaining(["areas", "ageGroups", "countryCode"]));
  });
});

describe("programs migrations", () => {
  it("match the entities: the schema builder has nothing to change", async () => {
    const dataSource = createProgramsDataSource(process.env.TEST_DATABASE_URL ?? testServiceEnv().DATABASE_URL, { poolSize: 1 });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [PROGRAMS_SCHEMA]);
      expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(["exchange", "migrations", "network_program", "program"]);
    } finally {
      await dataSource.destroy();
    }
  });
});

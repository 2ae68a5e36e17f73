import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { buildDirectorySchema } from "@scg/directory";
import { parse } from "graphql";
import { buildEventsSchema } from "../src/index.js";

describe("the events SDL", () => {
  it("composes with the directory (and a programs subgraph declaring Program)", async () => {
    const { sdl } = await buildEventsSchema();
    const programsStub = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Program @key(fields: "id") { id: ID! title: String! }
      type Query { program(id: ID!): Program }`;
    const result = composeServices([
      { name: "directory", typeDefs: parse((await buildDirectorySchema()).sdl), url: "http://directory" },
      { name: "programs", typeDefs: parse(programsStub), url: "http://programs" },
      { name: "events", typeDefs: parse(sdl), url: "http://events" },
    ]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toMatch(/type Community\s+@join__type\(graph: DIRECTORY, key: "id"\)\s+@join__type\(graph: EVENTS, key: "id"\)/);
    // The contract's shapes (operations/RegisterForEvent.graphql, CreateEvent.graphql, CommunityProfile.graphql, YouthPrograms.graphql):
    const { schema } = await buildEventsSchema();
    const shape = (type: string, field: string) => {
      const f = (schema.getType(type) as any).getFields()[field];
      return `${f.args.map((a: any) => `${a.name}: ${a.type}`).sort().join(", ")} -> ${f.type}`;
    };
    expect(shape("Mutation", "registerForEvent")).toBe("attendee: AttendeeInput!, eventId: ID! -> Registration!");
    expect(shape("Mutation", "createEvent")).toBe("input: CreateEventInput! -> Event!");
    // `when` (issue 13) replaces `upcoming`, which stays, deprecated, for clients that send it.
    expect(shape("Community", "events")).toBe("first: Int, upcoming: Boolean, when: EventTime -> [Event!]");
    expect(shape("Program", "events")).toBe("first: Int, upcoming: Boolean, when: EventTime -> [Event!]");
    expect(shape("Organization", "events")).toBe("first: Int, upcoming: Boolean, when: EventTime -> [Event!]");
    expect(shape("Query", "events")).toBe("after: String, filter: EventFilter, first: Int, orderBy: EventOrder -> EventConnection!");
    expect(shape("Query", "eventFacets")).toBe("filter: EventFilter -> EventFacets!");
  });

  it("documents every type and field it defines", async () => {
    const { schema } = await buildEventsSchema();
    const undocumented: string[] = [];
    for (const name of ["Event", "Registration", "Attendee", "EventConnection", "EventEdge", "Community", "Organization", "Program",
      "CreateEventInput", "UpdateEventInput", "AttendeeInput", "EventFilter", "EventKind"]) {
      const type = schema.getType(name)!;
      expect(type?.name).toBe(name);
      if (!type.description) undocumented.push(name);
      const fields = "getFields" in type ? Object.values((type as any).getFields()) : [];
      for (const field of fields as { name: string; description?: string | null }[]) {
        if (!field.description && !["node", "edges", "pageInfo"].includes(field.name)) // the last three come from @scg/shared's ConnectionType
        undocumented.push(`${name}.${field.name}`);
      }
    }
    for (const field of [...Object.values(schema.getQueryType()!.getFields()), ...Object.values(schema.getMutationType()!.getFields())]) {
      if (!field.name.startsWith("_") && !field.description) undocumented.push(field.name);
    }
    expect(undocumented).toEqual([]);
  });
});

import { buildSubgraphSchema } from "@apollo/subgraph";
import { MapperKind, mapSchema, printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLObjectType, parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { guardStringInputs } from "../graphql/string-inputs.js";

/**
 * The one Federation version every subgraph links. Composition and @apollo/gateway 2.14
 * support it; bump it here and everywhere moves together.
 */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

/**
 * The root types' descriptions, the same in every subgraph (composition keeps one), since
 * type-graphql has no place to write them.
 */
export const ROOT_TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  Query:
    "Everything there is to read: communities, organizations and countries; partnerships and sister cities; programs and exchanges; events; facets (counts by dimension) and the network's figures.",
  Mutation:
    "Everything there is to change: proposing and signing partnerships, publishing programs and exchanges, creating events and registering for them. Each says who may.",
};

/** `__resolveReference` for each entity type this subgraph can resolve from a key. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

export interface SubgraphSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL (what `schema.graphql` holds and composition reads). */
  sdl: string;
}

/**
 * Turns a code-first type-graphql schema into an Apollo Federation subgraph schema:
 * type-graphql builds and validates the types (skipping its own schema check, since the
 * federation fields do not exist yet), the schema is printed with its directives, the pinned
 * `@link` is prepended, and `buildSubgraphSchema` adds `_entities`/`_service` with the
 * type-graphql resolvers plus each entity's `__resolveReference`. Every argument then passes the
 * one string check (see graphql/string-inputs.ts).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: ReferenceResolvers = {},
): Promise<SubgraphSchema> {
  const built = await buildSchema({ validate: false, ...options, skipCheck: true });
  const schema = mapSchema(built, {
    [MapperKind.ROOT_OBJECT]: (type) => new GraphQLObjectType({ ...type.toConfig(), description: ROOT_TYPE_DESCRIPTIONS[type.name] ?? type.description }),
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`;
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  // The resolver map type is not exported by @apollo/subgraph; its shape is what createResolversMap returns.
  const federated = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  return { schema: guardStringInputs(federated), sdl };
}

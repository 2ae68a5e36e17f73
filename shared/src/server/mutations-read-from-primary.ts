import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { readFromPrimary } from "../db/read-routing.js";

/**
 * A request that runs a mutation reads from the primary, from its first statement to its last:
 * each Mutation field moves the request's data source (`context.dataSource`, see
 * requestDataSource) to the primary before its resolver runs, so the checks before the write, the
 * transaction, and the fields of the answer, read again through the request's loaders after the
 * write, all see the primary. Mutation fields run one after another and before any field below
 * them, so nothing in the request has read before the switch. Applied in place, like
 * guardStringInputs (federation keeps entity resolvers on the type objects); queries pay nothing.
 */
export function mutationsReadFromPrimary(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: { dataSource?: DataSource }, info) => {
      if (context.dataSource) readFromPrimary(context.dataSource);
      return resolve(source, args, context, info);
    };
  }
  return schema;
}

import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "../context.js";
import { estimateOperationCost } from "../limits/operation-cost.js";

/**
 * Estimates each operation's cost once it is resolved (variables known) and refuses operations
 * above the limit with 400 OPERATION_TOO_COSTLY. The cost is kept on the context: rate limits
 * count it.
 */
export function operationCostPlugin(maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const cost = estimateOperationCost(schema, document, operation, request.variables ?? {});
          contextValue.cost = cost;
          if (cost > maxCost) {
            throw new GraphQLError(`This operation's estimated cost is ${cost}; the limit is ${maxCost}. Ask for smaller pages or fewer nested lists.`, {
              extensions: { code: "OPERATION_TOO_COSTLY", cost, maximum: maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLError } from "graphql";
import { ErrorCode } from "../errors/app-error.js";
import { errorDisposition } from "../errors/format-error.js";
import type { Logger } from "../logging/logger.js";
import type { RequestObservation } from "./request-observation.js";

export interface GraphQLObservationOptions<Context> {
  log: Logger;
  /** Where this service keeps the request's observation in its context. */
  observationOf(context: Context): RequestObservation | undefined;
}

/**
 * What GraphQL tells a request's observation (see request-observation.ts): the operation's name
 * and type (also on the request's span), and the answer's data and error codes. Each unexpected
 * error is logged here, once, with the request's trace id and request id (formatError then masks
 * it); an unreachable database as a warning. An error a subgraph sent is not logged again by the
 * gateway: that subgraph logged it, under the same trace id.
 */
export function graphqlObservationPlugin<Context extends BaseContext>(options: GraphQLObservationOptions<Context>): ApolloServerPlugin<Context> {
  const { log } = options;
  return {
    async requestDidStart({ contextValue }) {
      const observation = options.observationOf(contextValue);
      if (!observation) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          observation.operationName = operationName;
          observation.span?.setAttributes({ ...(operation ? { "graphql.operation.type": operation.operation } : {}), ...(operationName ? { "graphql.operation.name": operationName } : {}) });
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) logUnexpected(error, observation, log);
        },
        async willSendResponse({ response }) {
          if (response.body.kind === "single") observation.recordAnswer(response.body.singleResult.data, response.body.singleResult.errors);
        },
      };
    },
  };
}

function logUnexpected(error: GraphQLError, observation: RequestObservation, log: Logger): void {
  if (error.extensions?.serviceName) return;
  const disposition = errorDisposition(String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR), error);
  const ids = { traceId: observation.traceId, requestId: observation.requestId, path: error.path };
  if (disposition === "unexpected") log.error({ err: error.originalError ?? error, ...ids }, "unexpected error");
  else if (disposition === "database-unavailable") log.warn({ err: error.originalError ?? error, ...ids }, "database unavailable");
}

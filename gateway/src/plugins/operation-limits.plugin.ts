import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { AppError, ErrorCode } from "@scg/shared";
import type { GatewayContext } from "../context.js";
import type { CallerBudgets, RateLimitCharge } from "../limits/caller-budgets.js";
import { estimateOperationCost } from "../limits/operation-cost.js";

/**
 * A response that delivers nothing (errors, and no data or only null root fields — an argument a
 * subgraph refused, say): it costs the caller one point, whatever its estimate.
 */
function isRefusal({ response }: GraphQLRequestContextWillSendResponse<GatewayContext>): boolean {
  if (response.body.kind !== "single") return false;
  const { data, errors } = response.body.singleResult;
  return Boolean(errors?.length) && (data == null || Object.values(data).every((value) => value === null));
}

/**
 * The operation's estimated cost and the caller's budget, decided in that order (one hook, so a
 * refusal is known before anything is spent):
 * - above `maxCost`: 400 OPERATION_TOO_COSTLY, one point charged;
 * - over the caller's budget: 429 RATE_LIMITED with Retry-After, one point charged;
 * - otherwise the estimate is charged; if the answer then turns out to be a refusal (say, a
 *   subgraph refused an argument), all but one point is given back.
 * A request refused before its operation is resolved (parse or validation errors) costs one point.
 * Every answer carries RateLimit-* headers. `budgets` null: no rate limits (benchmarks).
 */
export function operationLimitsPlugin(maxCost: number, budgets: CallerBudgets | null): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      // Other plugins' didResolveOperation hooks run at the same time and may refuse the request
      // first; willSendResponse waits for this one's charge, so nothing is charged twice or kept.
      let pending: Promise<{ charge: RateLimitCharge | null; refusal: AppError | null }> | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // No operation to run: the gateway's executor would throw an uncoded error (a 500).
          if (!operation) throw noOperation(request.operationName);
          pending = (async () => {
            const cost = estimateOperationCost(schema, document, operation, request.variables ?? {});
            contextValue.state.cost = cost;
            if (cost > maxCost) {
              const refusal = new AppError(
                ErrorCode.OPERATION_TOO_COSTLY,
                `This operation's estimated cost is ${cost}; the limit is ${maxCost}. Ask for smaller pages or fewer nested lists.`,
                { cost, maximum: maxCost, http: { status: 400 } },
              );
              return { charge: budgets && (await budgets.charge(contextValue, 1)), refusal };
            }
            const charge = budgets && (await budgets.charge(contextValue, cost));
            const refusal = charge?.message ? new AppError(ErrorCode.RATE_LIMITED, charge.message, { http: { status: 429 } }) : null;
            return { charge, refusal };
          })();
          const { refusal } = await pending;
          if (refusal) throw refusal;
        },
        async willSendResponse(requestContext) {
          if (!budgets) return;
          let charge = pending ? (await pending).charge : null;
          if (!charge) charge = await budgets.charge(requestContext.contextValue, 1);
          else if (!charge.message && isRefusal(requestContext)) await charge.refundToOne();
          const headers = requestContext.response.http.headers;
          for (const [name, value] of Object.entries(charge.headers)) if (!headers.has(name)) headers.set(name, value);
        },
      };
    },
  };
}

/** The refusal of a document whose operationName names none of its operations, or that holds several and names none. */
function noOperation(operationName: string | null | undefined): AppError {
  const message = operationName
    ? `The document has no operation named "${operationName.slice(0, 100)}"; operationName must name one of its operations.`
    : "The document holds several operations; say which one to run with operationName.";
  return new AppError(ErrorCode.BAD_REQUEST, message, { http: { status: 400 } });
}

import type { ApolloServerPlugin } from "@apollo/server";
import { AppError, ErrorCode, mayExploreSchema } from "@scg/shared";
import type { GatewayContext } from "../context.js";
import { readsIntrospection } from "../documents/reads-introspection.js";

/**
 * What the schema reveals, per caller. In production, anonymous callers, API keys and member
 * admins get no introspection (403 INTROSPECTION_DISABLED) and no "Did you mean …" suggestions;
 * analysts and staff get both, so the IDE keeps working for them. In development all is open.
 */
export function visibilityPlugin(profile: "development" | "production"): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const open = profile === "development" || mayExploreSchema(contextValue.identity);
      if (open) return {};
      return {
        async didResolveOperation({ document }) {
          if (readsIntrospection(document)) {
            throw new AppError(ErrorCode.INTROSPECTION_DISABLED, "Introspection is available to signed-in analysts and staff only.", { http: { status: 403 } });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          for (const error of response.body.singleResult.errors as { message: string }[]) {
            error.message = error.message.replace(/ ?Did you mean .*\?$/, "");
          }
        },
      };
    },
  };
}

import { loadConfig } from "./config.js";
import { startGateway } from "./server.js";

export { loadConfig, startGateway };
export { signUserToken } from "./auth/sign-user-token.js";
export type { GatewayConfig } from "./config.js";

if (require.main === module) {
  process.env.APOLLO_TELEMETRY_DISABLED ??= "1";
  startGateway(loadConfig()).then(
    (gateway) => {
      const stop = () => gateway.stop().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

import { Ctx, Query, Resolver } from "type-graphql";
import type { PartnershipsContext } from "../context.js";
import { computeNetworkStats } from "../domain/partnership-queries.js";
import { NetworkStats } from "../entities/network-stats.js";

@Resolver(() => NetworkStats)
export class NetworkStatsResolver {
  @Query(() => NetworkStats, { description: "The network's headline figures, computed from the partnerships on record." })
  networkStats(@Ctx() { dataSource }: PartnershipsContext): Promise<NetworkStats> {
    return computeNetworkStats(dataSource);
  }
}

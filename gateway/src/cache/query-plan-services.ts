import type { QueryPlan, PlanNode } from "@apollo/query-planner";

/** The subgraphs a query plan fetches from. */
export function queryPlanServices(plan: QueryPlan): Set<string> {
  const services = new Set<string>();
  const visit = (node: PlanNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case "Fetch":
        services.add(node.serviceName);
        break;
      case "Sequence":
      case "Parallel":
        node.nodes.forEach(visit);
        break;
      case "Flatten":
        visit(node.node);
        break;
      case "Defer":
        visit(node.primary.node);
        node.deferred.forEach((deferred) => visit(deferred.node));
        break;
      case "Condition":
        visit(node.ifClause);
        visit(node.elseClause);
        break;
    }
  };
  const root = plan.node;
  if (root?.kind === "Subscription") {
    services.add(root.primary.serviceName);
    visit(root.rest);
  } else {
    visit(root);
  }
  return services;
}

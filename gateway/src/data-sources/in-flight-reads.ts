import { Kind, type DocumentNode } from "graphql";
import type { RawAnswer } from "@scg/shared";

/**
 * Identical reads in flight at the same moment share one subgraph request, as Apollo Router and
 * Hive Gateway do: callers that send the same request (same subgraph, text, variables and
 * credential) while the first is still waiting get the first one's answer. Each caller parses its
 * own copy of the body, so no parsed object is shared. Only queries: a mutation always goes alone.
 */
export class InFlightReads {
  private readonly pending = new Map<string, Promise<RawAnswer>>();

  share(key: string, send: () => Promise<RawAnswer>): Promise<RawAnswer> {
    let answer = this.pending.get(key);
    if (!answer) {
      answer = send();
      this.pending.set(key, answer);
      const forget = () => this.pending.delete(key);
      answer.then(forget, forget);
    }
    return answer;
  }
}

/** Whether a subgraph request may be shared: its parsed document is a query (never read off the text). */
export function isRead(document: DocumentNode | undefined): boolean {
  const operations = document?.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 && operations[0].operation === "query";
}

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse, Kind, type OperationDefinitionNode } from "graphql";

/** One operation of a manifest in Apollo's persisted query manifest format. */
export interface TrustedOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

export interface PersistedQueryManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: TrustedOperation[];
}

export const operationId = (body: string) => createHash("sha256").update(body, "utf8").digest("hex");

/** Builds a manifest from operation documents (one named operation each), ids = SHA-256 of the body. */
export function buildManifest(documents: { file: string; text: string }[]): PersistedQueryManifest {
  const operations = documents.map(({ file, text }) => {
    const document = parse(text);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation?.name) throw new Error(`${file} must hold one named operation.`);
    const body = text.replace(/^#.*$/gm, "").trim();
    return { id: operationId(body), name: operation.name.value, type: operation.operation, body };
  });
  return { format: "apollo-persisted-query-manifest", version: 1, operations: operations.sort((a, b) => a.name.localeCompare(b.name)) };
}

/** The trusted operations, by id, from one or more manifest files. */
export class TrustedOperations {
  private readonly byId = new Map<string, TrustedOperation>();

  constructor(manifests: PersistedQueryManifest[]) {
    for (const manifest of manifests) {
      if (manifest.format !== "apollo-persisted-query-manifest" || manifest.version !== 1) {
        throw new Error("A trusted-operation manifest must use Apollo's persisted query manifest format, version 1.");
      }
      for (const operation of manifest.operations) this.byId.set(operation.id, operation);
    }
  }

  static fromFiles(paths: string[]): TrustedOperations {
    return new TrustedOperations(paths.map((path) => JSON.parse(readFileSync(path, "utf8")) as PersistedQueryManifest));
  }

  get(id: string): TrustedOperation | undefined {
    return this.byId.get(id);
  }

  /** The id of the trusted operation with this name (the product's pages ask for theirs by name). */
  idOfName(name: string): string | undefined {
    for (const operation of this.byId.values()) if (operation.name === name) return operation.id;
    return undefined;
  }

  /** The id of a free-form body that is word for word a trusted operation. */
  idOfBody(body: string): string | undefined {
    const id = operationId(body.trim());
    return this.byId.has(id) ? id : undefined;
  }

  get size() {
    return this.byId.size;
  }

  /** The names of the trusted operations (the only operation names metrics label by). */
  names(): Set<string> {
    return new Set([...this.byId.values()].map((operation) => operation.name));
  }
}

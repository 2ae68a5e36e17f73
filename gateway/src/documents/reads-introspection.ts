import { visit, type DocumentNode } from "graphql";

const memo = new WeakMap<DocumentNode, boolean>();

/**
 * Whether a document asks for `__schema` or `__type` anywhere (fragments included). One linear
 * pass over the document, remembered per parsed document (Apollo Server reuses parsed documents),
 * for the two rules that need it: who may introspect (visibility), and that such answers are never
 * shared in a cache (their content depends on who asked).
 */
export function readsIntrospection(document: DocumentNode): boolean {
  let found = memo.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Field(node) {
        if (node.name.value === "__schema" || node.name.value === "__type") {
          found = true;
          return false;
        }
        return undefined;
      },
    });
    memo.set(document, found);
  }
  return found;
}

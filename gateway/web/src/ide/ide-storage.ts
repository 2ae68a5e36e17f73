import type { GraphiQLProps } from "graphiql";

type Storage = NonNullable<GraphiQLProps["storage"]>;

/**
 * GraphiQL's localStorage under a prefix of our own, so this IDE's tabs (which start as the
 * product's examples) are not the ones an earlier IDE on the same origin left behind: GraphiQL
 * offers its default tabs only when it finds no stored tabs.
 */
export function prefixedStorage(prefix: string, backing: globalThis.Storage = localStorage): Storage {
  const ownKeys = () => Object.keys(backing).filter((key) => key.startsWith(prefix));
  return {
    getItem: (key) => backing.getItem(prefix + key),
    setItem: (key, value) => backing.setItem(prefix + key, value),
    removeItem: (key) => backing.removeItem(prefix + key),
    clear: () => ownKeys().forEach((key) => backing.removeItem(key)),
    get length() {
      return ownKeys().length;
    },
  };
}

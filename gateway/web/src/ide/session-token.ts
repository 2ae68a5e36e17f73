const KEY = "scg-ide:token";

/**
 * The token an analyst entered on the "Sign in to explore" screen. Kept in sessionStorage: it
 * lives as long as the browser tab, is never written to disk by us, and no other tab sees it.
 */
export const sessionToken = {
  get(): string | null {
    return sessionStorage.getItem(KEY);
  },
  set(token: string): void {
    sessionStorage.setItem(KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};

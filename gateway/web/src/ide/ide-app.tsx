import { explorerPlugin } from "@graphiql/plugin-explorer";
import { ToolbarButton } from "@graphiql/react";
import { GraphiQL } from "graphiql";
import { useMemo, useState } from "react";
import { gatewayFetcher } from "./gateway-fetcher";
import type { IdeSettings } from "./ide-settings";
import { prefixedStorage } from "./ide-storage";
import { sessionToken } from "./session-token";
import { SignIn } from "./sign-in";
import { tablePlugin } from "./table-plugin";
import { WELCOME_QUERY } from "./welcome-query";

// Plugins are compared by identity, so they are made once.
const plugins = [explorerPlugin(), tablePlugin];
const storage = prefixedStorage("scg-ide:");

function SignOutIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden="true" className="graphiql-toolbar-icon">
      <path d="M15 4h3.5A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5H15M10 16l-4-4 4-4M6 12h10" />
    </svg>
  );
}

/**
 * The IDE: GraphiQL with the product's operations as its first tabs, the explorer and our Table.
 * In production an anonymous visitor first meets the sign-in screen (decided from the profile
 * the gateway rendered, never by probing); a token it accepted is sent with every request, and
 * when the gateway stops accepting it (401) the visitor is back at the sign-in screen.
 */
export function IdeApp({ settings }: { settings: IdeSettings }) {
  const [token, setToken] = useState(() => sessionToken.get());
  const [notice, setNotice] = useState<string | null>(null);
  const signedOut = settings.profile === "production" && !token;

  const fetcher = useMemo(
    () =>
      gatewayFetcher({
        endpoint: settings.endpoint,
        token,
        onUnauthorized: () => {
          if (settings.profile !== "production" || !token) return;
          sessionToken.clear();
          setNotice("Your token is no longer accepted (it may have expired): sign in again.");
          setToken(null);
        },
      }),
    [settings, token],
  );
  const defaultTabs = useMemo(() => [{ query: WELCOME_QUERY }, ...settings.examples], [settings]);

  if (signedOut) {
    return (
      <SignIn
        endpoint={settings.endpoint}
        notice={notice}
        onSignIn={(accepted) => {
          sessionToken.set(accepted);
          setNotice(null);
          setToken(accepted);
        }}
      />
    );
  }
  const signOut = () => {
    sessionToken.clear();
    setToken(null);
  };
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      plugins={plugins}
      // The Table is open at first, so a table is three clicks away: an example tab, ▶, Download CSV.
      visiblePlugin={tablePlugin}
      storage={storage}
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="variables"
      toolbar={
        token
          ? {
              additionalContent: (
                <ToolbarButton label="Sign out" onClick={signOut}>
                  <SignOutIcon />
                </ToolbarButton>
              ),
            }
          : undefined
      }
    >
      <GraphiQL.Logo>Sister Cities Graph</GraphiQL.Logo>
    </GraphiQL>
  );
}

// The analysts' IDE (served at GET /graphql to browsers): GraphiQL bundled from npm, so nothing
// loads from a CDN and the page satisfies a strict Content-Security-Policy (script-src 'self').
import "graphiql/graphiql.css";
import "@graphiql/plugin-explorer/dist/style.css";
import "./ide.css";
import { createRoot } from "react-dom/client";
import { IdeApp } from "./ide-app";
import { readIdeSettings } from "./ide-settings";

createRoot(document.getElementById("root")!).render(<IdeApp settings={readIdeSettings()} />);

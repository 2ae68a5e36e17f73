import { Button, useEditorContext, useExecutionContext, type GraphiQLPlugin } from "@graphiql/react";
import { useEffect, useId, useMemo, useState } from "react";
import { DATA_ATTRIBUTION } from "./data-attribution";
import { flattenRows } from "./flatten-rows";
import { firstList, resultLists, type ResultList } from "./result-lists";
import { toCsv } from "./to-csv";

/** Rows drawn in the panel; the CSV always has them all. */
const MAX_SHOWN_ROWS = 1000;

interface SuccessfulResult {
  operationName: string | null;
  lists: ResultList[];
  errorCount: number;
}

/**
 * The result a response text holds, if it is a successful one: JSON with a `data` object
 * (a partial result with errors counts, and says how many). GraphiQL keeps each tab's last
 * response as formatted JSON text, or as an error message that is not JSON.
 */
function successfulResult(response: string | null | undefined, operationName: string | null): SuccessfulResult | null {
  if (!response) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(response);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { data, errors } = parsed as { data?: unknown; errors?: unknown };
  if (typeof data !== "object" || data === null) return null;
  return { operationName, lists: resultLists(data), errorCount: Array.isArray(errors) ? errors.length : 0 };
}

/**
 * The latest successful result of the active tab, read from GraphiQL's own editor state (the
 * response it stored for the tab), never by running the operation again. While a new run is
 * on its way, or after one failed, the previous successful result stays.
 */
function useLatestSuccessfulResult(): SuccessfulResult | null {
  const { tabs, activeTabIndex } = useEditorContext({ nonNull: true, caller: TablePanel });
  const tab = tabs[activeTabIndex];
  const current = useMemo(() => successfulResult(tab?.response, tab?.operationName ?? null), [tab?.response, tab?.operationName]);
  const [latest, setLatest] = useState(current);
  useEffect(() => {
    if (current) setLatest(current);
  }, [current]);
  return current ?? latest;
}

/** Hands the browser a file to save, without a round trip to the server. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function TablePanel() {
  const result = useLatestSuccessfulResult();
  const isFetching = useExecutionContext({ nonNull: true, caller: TablePanel }).isFetching;
  const [chosenPath, setChosenPath] = useState<string | null>(null);
  const selectId = useId();
  const list = result?.lists.find((l) => l.path === chosenPath) ?? (result ? firstList(result.lists) : undefined);
  const table = useMemo(() => (list ? flattenRows(list.items) : null), [list]);

  const heading = <div className="graphiql-doc-explorer-title">Table</div>;
  if (!result || !list || !table) {
    return (
      <section className="scg-table" aria-label="Result as a table">
        {heading}
        <p className="scg-table-note" role="status">
          {isFetching ? "Running…" : result ? "The result has no list." : "Run an operation: the first list in its result shows here as a table, ready to download as CSV."}
        </p>
      </section>
    );
  }
  const name = result.operationName ?? "result";
  const fileName = `${name}-${list.path || "data"}.csv`.replace(/[^\w.-]+/g, "_");
  const shown = table.rows.slice(0, MAX_SHOWN_ROWS);
  return (
    <section className="scg-table" aria-label="Result as a table">
      {heading}
      <div className="scg-table-controls">
        {result.lists.length > 1 && (
          <label htmlFor={selectId}>
            List{" "}
            <select id={selectId} value={list.path} onChange={(event) => setChosenPath(event.target.value)}>
              {result.lists.map((l) => (
                <option key={l.path} value={l.path}>
                  {l.path || "data"} ({l.items.length})
                </option>
              ))}
            </select>
          </label>
        )}
        <Button type="button" onClick={() => download(toCsv(table, DATA_ATTRIBUTION), fileName, "text/csv;charset=utf-8")} disabled={table.rows.length === 0}>
          Download CSV
        </Button>
      </div>
      {result.errorCount > 0 && (
        <p className="scg-table-note">
          The result also has {result.errorCount} error{result.errorCount === 1 ? "" : "s"}; see the response.
        </p>
      )}
      <div className="scg-table-scroll">
        <table>
          <caption>
            {name}: {list.path || "data"}, {table.rows.length} row{table.rows.length === 1 ? "" : "s"}
            {shown.length < table.rows.length ? ` (the first ${shown.length} shown; the CSV has all)` : ""}
          </caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={index}>
                {table.columns.map((column) => (
                  <td key={column}>{row[column] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TableIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden="true">
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 9.5h18M3 14.5h18M9 9.5V20M15 9.5V20" />
    </svg>
  );
}

/**
 * "Table": the first list in the latest successful result (depth-first; a connection's edges
 * as their nodes) as an HTML table, and "Download CSV" with the data's attribution first.
 */
export const tablePlugin: GraphiQLPlugin = { title: "Table", icon: TableIcon, content: TablePanel };

import type { CommunityCount } from "./network-data";

/** Rows the list shows at first and adds per "Show more": a table, not 25,000 DOM nodes. */
const PAGE = 100;

/**
 * The list view, for keyboard and screen-reader users (and anyone who prefers a table): the
 * communities on the map, most partnerships first, each a button that opens its panel.
 */
export class CommunityList {
  private communities: readonly CommunityCount[] = [];
  private shown = PAGE;

  constructor(
    private readonly container: HTMLElement,
    private readonly onSelect: (slug: string) => void,
  ) {}

  setData(communities: readonly CommunityCount[]): void {
    this.communities = communities;
    this.shown = PAGE;
    this.render();
  }

  private render(): void {
    const table = document.createElement("table");
    table.createCaption().textContent = `${this.communities.length.toLocaleString("en-US")} communities, most partnerships first`;
    const head = table.createTHead().insertRow();
    for (const title of ["Community", "Country", "Partnerships shown"]) {
      const cell = document.createElement("th");
      cell.scope = "col";
      cell.textContent = title;
      head.append(cell);
    }
    const body = table.createTBody();
    for (const { community, count } of this.communities.slice(0, this.shown)) {
      const row = body.insertRow();
      const name = document.createElement("th");
      name.scope = "row";
      const open = document.createElement("button");
      open.type = "button";
      open.className = "link";
      open.textContent = community.name;
      open.addEventListener("click", () => this.onSelect(community.slug));
      name.append(open);
      row.append(name);
      row.insertCell().textContent = community.countryCode;
      row.insertCell().textContent = count.toLocaleString("en-US");
    }
    const children: HTMLElement[] = [table];
    if (this.shown < this.communities.length) {
      const more = document.createElement("button");
      more.type = "button";
      more.textContent = `Show ${Math.min(PAGE, this.communities.length - this.shown)} more`;
      more.addEventListener("click", () => {
        this.shown += PAGE;
        this.render();
        this.container.querySelectorAll<HTMLButtonElement>("tbody button")[this.shown - PAGE]?.focus();
      });
      children.push(more);
    }
    this.container.replaceChildren(...children);
  }
}

/** What the panel shows: the CommunityProfile operation's answer (the product's community page). */
export interface CommunityProfileAnswer {
  community: {
    slug: string;
    name: string;
    region: string | null;
    country: { code: string; name: string };
    partnershipCount: number | null;
    sisterCities:
      | {
          partner: { slug: string; name: string; region: string | null; country: { code: string; name: string } };
          partnership: { status: string; establishedYear: number | null; programs: { id: string; title: string }[] | null };
        }[]
      | null;
    events: { id: string; title: string; kind: string; startsAt: string; endsAt: string }[] | null;
  } | null;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

/** A list under a heading, or a sentence when there is nothing to list. */
function section(title: string, items: HTMLElement[], empty: string): HTMLElement[] {
  const heading = element("h3", title);
  if (items.length === 0) return [heading, element("p", empty, "muted")];
  const list = element("ul");
  list.append(...items);
  return [heading, list];
}

/**
 * The panel's content for a community: where it is, "16 sister cities" with each partner and its
 * country (and year), the programs of those partnerships, and the community's upcoming events.
 */
export function renderCommunityPanel(answer: CommunityProfileAnswer, slug: string): HTMLElement[] {
  const community = answer.community;
  if (!community) return [element("h2", "Community not found", "panel-title"), element("p", `No community called “${slug}” is in the directory.`)];
  const place = [community.region, community.country.name].filter(Boolean).join(", ");
  const partners = [...(community.sisterCities ?? [])];
  const partnerItems = partners.map(({ partner, partnership }) => {
    const item = element("li");
    item.append(element("span", partner.name, "name"), element("span", `, ${partner.country.name}`, "muted"));
    if (partnership.establishedYear) item.append(element("span", ` · since ${partnership.establishedYear}`, "muted"));
    if (partnership.status !== "ACTIVE") item.append(element("span", ` · ${partnership.status.toLowerCase()}`, "muted"));
    return item;
  });
  const programs = new Map<string, string>();
  for (const { partnership } of partners) for (const program of partnership.programs ?? []) programs.set(program.id, program.title);
  const programItems = [...programs.values()].sort().map((title) => element("li", title));
  const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
  const eventItems = (community.events ?? []).map((event) => {
    const item = element("li");
    item.append(element("span", event.title, "name"), element("span", ` · ${dateFormat.format(new Date(event.startsAt))}`, "muted"));
    return item;
  });
  const title = element("h2", community.name, "panel-title");
  title.id = "panel-title";
  title.tabIndex = -1;
  return [
    title,
    element("p", place, "muted"),
    element("p", plural(partners.length, "sister city", "sister cities"), "panel-count"),
    ...section("Sister cities", partnerItems, "No sister cities are recorded."),
    ...section("Programs", programItems, "No programs are recorded for these partnerships."),
    ...section("Upcoming events", eventItems, "No upcoming events."),
  ];
}

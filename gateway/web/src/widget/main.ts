// <sister-cities community="seattle-wa-us" api-key="…">: a partner site's card of a community's
// sister cities (and, with the `events` attribute, its next events), served by the gateway at
// /embed/v1/sister-cities.js. No dependencies, a shadow root, one cacheable GET per card.
import { PersistedQueryError, persistedQuery } from "../common/persisted-query";
import { LANGUAGES, labelsFor, type Labels } from "./labels";
import { CARD_CSS } from "./styles";

/** The SisterCitiesWidget trusted operation's id: the gateway writes it in when it serves this file. */
const OPERATION_ID = "__SCG_SISTER_CITIES_WIDGET_ID__";

interface Answer {
  community: {
    slug: string;
    name: string;
    region: string | null;
    country: { code: string; name: string };
    sisterCities: { partner: { slug: string; name: string; region: string | null; country: { code: string; name: string } }; partnership: { status: string; establishedYear: number | null } }[] | null;
    events?: { id: string; title: string; startsAt: string; endsAt: string; timezone: string; venue: string | null; url: string | null }[] | null;
  } | null;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The sentence for a refusal or failure, from the gateway's stable code (never its raw text). */
function sentenceFor(error: unknown, labels: Labels): string {
  if (!(error instanceof PersistedQueryError)) return labels.failed;
  if (error.code === "INVALID_API_KEY") return labels.keyRefused;
  if (error.code === "ORIGIN_NOT_ALLOWED" || error.code === "PERSISTED_QUERY_NOT_IN_LIST") return labels.originRefused;
  if (error.status === 429) return labels.tooMany;
  return labels.failed;
}

let sheet: CSSStyleSheet | null = null;

export class SisterCitiesElement extends HTMLElement {
  static observedAttributes = ["community", "api-key", "events", "lang", "endpoint", "heading-level"];

  /** Adds or replaces a language's labels (`SisterCitiesElement.addLanguage("it", {...})`). */
  static addLanguage(tag: string, labels: Labels): void {
    LANGUAGES[tag.toLowerCase()] = labels;
  }

  private readonly root = this.attachShadow({ mode: "open" });
  private controller: AbortController | null = null;
  /** Set once connected: attribute changes before that (an upgrade reports every attribute) do not load. */
  private started = false;

  constructor() {
    super();
    // A constructed stylesheet is not subject to the host page's style-src policy; a <style> element is the fallback.
    if ("replaceSync" in CSSStyleSheet.prototype) {
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(CARD_CSS);
      this.root.adoptedStyleSheets = [sheet];
    } else {
      this.root.append(element("style", undefined, CARD_CSS));
    }
  }

  connectedCallback(): void {
    this.started = true;
    void this.load();
  }

  disconnectedCallback(): void {
    this.started = false;
    this.controller?.abort();
  }

  attributeChangedCallback(_name: string, before: string | null, after: string | null): void {
    if (this.started && this.isConnected && before !== after) void this.load();
  }

  private get language() {
    return labelsFor(this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang);
  }

  private show(...children: Node[]): HTMLElement {
    const card = element("section", "card");
    card.append(...children);
    this.root.querySelector(".card")?.remove();
    this.root.append(card);
    return card;
  }

  private async load(): Promise<void> {
    const { lang, labels } = this.language;
    const slug = (this.getAttribute("community") ?? "").trim();
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const status = element("p", "status", labels.loading);
    status.setAttribute("role", "status");
    this.show(status).setAttribute("aria-busy", "true");
    try {
      const endpoint = this.getAttribute("endpoint") ?? new URL("/graphql", import.meta.url).href;
      const key = this.getAttribute("api-key");
      const data = await persistedQuery<Answer>({
        endpoint,
        id: OPERATION_ID,
        operationName: "SisterCitiesWidget",
        variables: { slug, withEvents: this.hasAttribute("events") },
        headers: key ? { "x-api-key": key } : {},
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      if (!data.community) return this.showError(labels.unknownCommunity(slug), false);
      this.render(data.community, lang, labels);
    } catch (error) {
      if (controller.signal.aborted) return;
      const retryable = !(error instanceof PersistedQueryError) || error.status === 0 || error.status === 429 || error.status >= 500;
      this.showError(sentenceFor(error, labels), retryable);
    }
  }

  private showError(sentence: string, retryable: boolean): void {
    const message = element("p", "error", sentence);
    message.setAttribute("role", "alert");
    const card = this.show(message);
    if (retryable) {
      const retry = element("button", undefined, this.language.labels.retry);
      retry.type = "button";
      retry.addEventListener("click", () => void this.load());
      card.append(retry);
    }
  }

  private render(community: NonNullable<Answer["community"]>, lang: string, labels: Labels): void {
    const countries = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames([lang], { type: "region" }) : null;
    const countryName = (country: { code: string; name: string }) => countries?.of(country.code) ?? country.name;
    const level = Math.min(6, Math.max(1, Number(this.getAttribute("heading-level")) || 2));
    const title = element("p", "title", community.name);
    title.setAttribute("role", "heading");
    title.setAttribute("aria-level", String(level));
    const partners = [...(community.sisterCities ?? [])];
    const children: Node[] = [title, element("p", "count", labels.sisterCities(partners.length))];
    if (partners.length === 0) children.push(element("p", "status", labels.noSisterCities));
    else {
      const list = element("ul");
      list.setAttribute("aria-label", labels.sisterCities(partners.length));
      for (const { partner, partnership } of partners) {
        const item = element("li");
        const name = element("span");
        name.append(element("span", "name", partner.name), element("span", "country", `, ${countryName(partner.country)}`));
        item.append(name);
        if (partnership.establishedYear) item.append(element("span", "since", labels.since(partnership.establishedYear)));
        list.append(item);
      }
      children.push(list);
    }
    if (community.events?.length) {
      const heading = element("h3", undefined, labels.upcoming);
      const list = element("ul");
      for (const event of community.events) {
        const item = element("li");
        const when = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: event.timezone }).format(new Date(event.startsAt));
        const title = event.url?.startsWith("https://") ? element("a", undefined, event.title) : element("span", undefined, event.title);
        if (title instanceof HTMLAnchorElement) title.href = event.url!;
        item.append(title, element("span", "when", when));
        list.append(item);
      }
      children.push(heading, list);
    }
    children.push(element("p", "credit", labels.credit));
    this.show(...children);
  }
}

if (!customElements.get("sister-cities")) customElements.define("sister-cities", SisterCitiesElement);

/** The words the card uses, per language; `count` words take a number and pick a plural form. */
export interface Labels {
  sisterCities: (count: number) => string;
  since: (year: number) => string;
  upcoming: string;
  noSisterCities: string;
  loading: string;
  retry: string;
  unknownCommunity: (slug: string) => string;
  keyRefused: string;
  originRefused: string;
  tooMany: string;
  failed: string;
  credit: string;
}

const plural = (lang: string, count: number, one: string, other: string) =>
  new Intl.PluralRules(lang).select(count) === "one" ? one.replace("#", count.toLocaleString(lang)) : other.replace("#", count.toLocaleString(lang));

/** English, Spanish, French, German and Japanese; `SisterCitiesElement.addLanguage` adds others. */
export const LANGUAGES: Record<string, Labels> = {
  en: {
    sisterCities: (n) => plural("en", n, "# sister city", "# sister cities"),
    since: (year) => `since ${year}`,
    upcoming: "Upcoming events",
    noSisterCities: "No sister cities are recorded yet.",
    loading: "Loading sister cities…",
    retry: "Try again",
    unknownCommunity: (slug) => `No community called “${slug}” is in the Sister Cities directory.`,
    keyRefused: "This site's key for Sister Cities Graph is not valid, so its sister cities cannot be shown.",
    originRefused: "This site is not allowed to show sister cities: its key does not list this address.",
    tooMany: "Too many requests just now; try again in a minute.",
    failed: "Sister cities could not be loaded. Check the connection and try again.",
    credit: "Data: Wikipedia (CC BY-SA 4.0) via Sister Cities Graph",
  },
  es: {
    sisterCities: (n) => plural("es", n, "# ciudad hermana", "# ciudades hermanas"),
    since: (year) => `desde ${year}`,
    upcoming: "Próximos eventos",
    noSisterCities: "Aún no hay ciudades hermanas registradas.",
    loading: "Cargando ciudades hermanas…",
    retry: "Reintentar",
    unknownCommunity: (slug) => `No hay ninguna comunidad llamada «${slug}» en el directorio.`,
    keyRefused: "La clave de este sitio no es válida; no se pueden mostrar sus ciudades hermanas.",
    originRefused: "Este sitio no puede mostrar ciudades hermanas: su clave no incluye esta dirección.",
    tooMany: "Demasiadas solicitudes; inténtelo de nuevo en un minuto.",
    failed: "No se pudieron cargar las ciudades hermanas. Compruebe la conexión e inténtelo de nuevo.",
    credit: "Datos: Wikipedia (CC BY-SA 4.0) vía Sister Cities Graph",
  },
  fr: {
    sisterCities: (n) => plural("fr", n, "# ville jumelle", "# villes jumelles"),
    since: (year) => `depuis ${year}`,
    upcoming: "Événements à venir",
    noSisterCities: "Aucun jumelage n'est encore enregistré.",
    loading: "Chargement des villes jumelles…",
    retry: "Réessayer",
    unknownCommunity: (slug) => `Aucune collectivité « ${slug} » dans l'annuaire.`,
    keyRefused: "La clé de ce site n'est pas valide ; ses villes jumelles ne peuvent pas être affichées.",
    originRefused: "Ce site n'est pas autorisé à afficher les villes jumelles : sa clé ne mentionne pas cette adresse.",
    tooMany: "Trop de demandes ; réessayez dans une minute.",
    failed: "Les villes jumelles n'ont pas pu être chargées. Vérifiez la connexion et réessayez.",
    credit: "Données : Wikipédia (CC BY-SA 4.0) via Sister Cities Graph",
  },
  de: {
    sisterCities: (n) => plural("de", n, "# Partnerstadt", "# Partnerstädte"),
    since: (year) => `seit ${year}`,
    upcoming: "Kommende Veranstaltungen",
    noSisterCities: "Noch keine Partnerstädte eingetragen.",
    loading: "Partnerstädte werden geladen…",
    retry: "Erneut versuchen",
    unknownCommunity: (slug) => `Keine Gemeinde „${slug}“ im Verzeichnis.`,
    keyRefused: "Der Schlüssel dieser Website ist ungültig; ihre Partnerstädte können nicht angezeigt werden.",
    originRefused: "Diese Website darf keine Partnerstädte anzeigen: Ihr Schlüssel nennt diese Adresse nicht.",
    tooMany: "Zu viele Anfragen; bitte in einer Minute erneut versuchen.",
    failed: "Die Partnerstädte konnten nicht geladen werden. Bitte Verbindung prüfen und erneut versuchen.",
    credit: "Daten: Wikipedia (CC BY-SA 4.0) über Sister Cities Graph",
  },
  ja: {
    sisterCities: (n) => `姉妹都市 ${n.toLocaleString("ja")} 件`,
    since: (year) => `${year}年から`,
    upcoming: "今後のイベント",
    noSisterCities: "姉妹都市はまだ登録されていません。",
    loading: "姉妹都市を読み込んでいます…",
    retry: "再試行",
    unknownCommunity: (slug) => `「${slug}」という自治体は見つかりません。`,
    keyRefused: "このサイトのキーが無効なため、姉妹都市を表示できません。",
    originRefused: "このサイトは姉妹都市を表示できません（キーにこのアドレスが登録されていません）。",
    tooMany: "リクエストが多すぎます。1分後にもう一度お試しください。",
    failed: "姉妹都市を読み込めませんでした。接続を確認して再試行してください。",
    credit: "データ: Wikipedia (CC BY-SA 4.0)、Sister Cities Graph 経由",
  },
};

/** The labels for a language tag ("fr-CA" → French), English when none fits. */
export function labelsFor(lang: string | null | undefined): { lang: string; labels: Labels } {
  const tag = (lang || "en").toLowerCase();
  const base = tag.split("-")[0];
  if (LANGUAGES[tag]) return { lang: tag, labels: LANGUAGES[tag] };
  if (LANGUAGES[base]) return { lang: base, labels: LANGUAGES[base] };
  return { lang: "en", labels: LANGUAGES.en };
}

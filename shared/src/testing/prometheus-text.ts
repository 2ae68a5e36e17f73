/** One sample line: its name (a histogram's `_bucket`, `_sum`, `_count` included), labels and value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A metric family: what `# TYPE` and `# HELP` said about it, and its samples. */
export interface MetricFamily {
  type: string;
  help: string;
  samples: Sample[];
}

/** Families by name. */
export type Metrics = Map<string, MetricFamily>;

/** The sample names a family of each type may have besides its own name. */
const SUFFIXES: Readonly<Record<string, readonly string[]>> = { histogram: ["_bucket", "_sum", "_count"], summary: ["_sum", "_count"] };
const METRIC_NAME = /[a-zA-Z_:][\w:]*/y;
const LABEL_NAME = /[a-zA-Z_]\w*/y;
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", '"': '"', "\\": "\\" };

/**
 * Parses the Prometheus text exposition format (version 0.0.4): `# HELP` and `# TYPE` lines,
 * samples with escaped label values (\\, \", \n), values including NaN and ±Inf, optional
 * timestamps; a histogram's or summary's suffixed samples join the family its `# TYPE` line
 * opened. Throws on a line that is not in the format, naming it. (The npm parsers at hand either
 * merge labelled histograms into one or reject NaN, which prom-client writes for an event-loop
 * lag not yet sampled.)
 */
export function parsePrometheusText(text: string): Metrics {
  const families: Metrics = new Map();
  const familyOf = (name: string): MetricFamily => {
    let family = families.get(name);
    if (!family) families.set(name, (family = { type: "untyped", help: "", samples: [] }));
    return family;
  };
  let current: string | null = null;
  for (const [index, line] of text.split("\n").entries()) {
    try {
      if (line.trim() === "") continue;
      if (line.startsWith("#")) {
        const [, keyword, name, rest = ""] = /^#\s*(\S+)\s*(\S*)\s?(.*)$/.exec(line) ?? [];
        if (keyword !== "HELP" && keyword !== "TYPE") continue; // a comment
        if (!new RegExp(`^${METRIC_NAME.source}$`).test(name)) throw new Error("no metric name");
        current = name;
        if (keyword === "TYPE") familyOf(name).type = rest.trim();
        else familyOf(name).help = rest.replace(/\\([\\n])/g, (_, escaped: string) => ESCAPES[escaped]);
        continue;
      }
      const sample = new SampleReader(line).read();
      const own = current !== null && (sample.name === current || SUFFIXES[familyOf(current).type]?.some((suffix) => sample.name === current + suffix));
      familyOf(own ? current! : sample.name).samples.push(sample);
    } catch (error) {
      throw new Error(`Line ${index + 1} is not Prometheus text (${(error as Error).message}): ${line}`);
    }
  }
  return families;
}

/** Reads one sample line from left to right. */
class SampleReader {
  private at = 0;
  constructor(private readonly line: string) {}

  read(): Sample {
    const name = this.token(METRIC_NAME, "a metric name");
    const labels = this.line[this.at] === "{" ? this.labels() : {};
    const [value, timestamp, extra] = this.line.slice(this.at).trim().split(/\s+/);
    if (extra !== undefined || (timestamp !== undefined && !/^-?\d+$/.test(timestamp))) throw new Error("a sample is a value and an optional timestamp");
    return { name, labels, value: parseValue(value) };
  }

  private labels(): Record<string, string> {
    const labels: Record<string, string> = {};
    this.at++; // {
    for (this.skipSpaces(); this.line[this.at] !== "}"; this.skipSpaces()) {
      const name = this.token(LABEL_NAME, "a label name");
      this.expect("=");
      labels[name] = this.quoted();
      this.skipSpaces();
      if (this.line[this.at] === ",") this.at++;
      else if (this.line[this.at] !== "}") throw new Error("labels are separated by commas");
    }
    this.at++; // }
    return labels;
  }

  private quoted(): string {
    this.expect('"');
    let value = "";
    for (; this.line[this.at] !== '"'; this.at++) {
      if (this.at >= this.line.length) throw new Error("a label value is not closed");
      if (this.line[this.at] !== "\\") value += this.line[this.at];
      else value += ESCAPES[this.line[++this.at]] ?? `\\${this.line[this.at]}`;
    }
    this.at++;
    return value;
  }

  private token(pattern: RegExp, what: string): string {
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.line);
    if (!match) throw new Error(`${what} was expected at column ${this.at + 1}`);
    this.at += match[0].length;
    return match[0];
  }

  private expect(char: string): void {
    this.skipSpaces();
    if (this.line[this.at] !== char) throw new Error(`"${char}" was expected at column ${this.at + 1}`);
    this.at++;
  }

  private skipSpaces(): void {
    while (this.line[this.at] === " " || this.line[this.at] === "\t") this.at++;
  }
}

function parseValue(raw: string): number {
  if (raw === "NaN") return Number.NaN;
  if (raw === "+Inf" || raw === "Inf") return Number.POSITIVE_INFINITY;
  if (raw === "-Inf") return Number.NEGATIVE_INFINITY;
  const value = raw === "" ? Number.NaN : Number(raw);
  if (Number.isNaN(value)) throw new Error(`"${raw}" is not a number`);
  return value;
}

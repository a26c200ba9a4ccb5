// Scrapes an app's /metrics over HTTP and parses it with a real Prometheus text parser.
import parsePrometheusTextFormat, { type PrometheusFamily, type PrometheusSample } from "parse-prometheus-text-format";

export interface Scrape {
  /** The families as exposed (names, types, help). */
  families: PrometheusFamily[];
  family(name: string): PrometheusFamily | undefined;
  /**
   * Samples of one series name whose labels include `labels`. Histograms are read by their series
   * (`x_bucket` with `le`, `x_sum`, `x_count`): the parser folds a histogram's labelled series into one.
   */
  samples(name: string, labels?: Record<string, string>): PrometheusSample[];
  /** Sum of the matching samples' values (0 when none). */
  value(name: string, labels?: Record<string, string>): number;
}

export function parseScrape(text: string): Scrape {
  const families = parsePrometheusTextFormat(text);
  // Untyped, every series name is a family of its own, labels and all.
  const series = parsePrometheusTextFormat(text.replace(/^# TYPE (\S+) histogram$/gm, "# TYPE $1 untyped"));
  const samples = (name: string, labels: Record<string, string> = {}): PrometheusSample[] =>
    // Interleaved series (x_bucket, x_sum, x_count, x_bucket…) come back as several families of one name.
    series.filter((f) => f.name === name).flatMap((f) => f.metrics).filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return {
    families,
    family: (name) => families.find((f) => f.name === name),
    samples,
    value: (name, labels) => samples(name, labels).reduce((sum, m) => sum + Number(m.value ?? 0), 0),
  };
}

export async function scrapeMetrics(url: string, token?: string): Promise<Scrape> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return parseScrape(await response.text());
}

import { COMPLIANCE_RULES, type ComplianceRule, type ComplianceRuleId } from './compliance-rules';

/** One banned phrase found in a text: where (UTF-16 offsets, end exclusive), what, and why. */
export interface ComplianceFinding {
  ruleId: ComplianceRuleId;
  ruleName: string;
  source: string;
  /** The text as written at [start, end). */
  term: string;
  start: number;
  end: number;
}

/** Occurrences of `needle` in `haystack` (case-insensitive for Latin letters), overlapping allowed. */
function occurrences(haystack: string, needle: string): number[] {
  const text = haystack.toLowerCase();
  const word = needle.toLowerCase();
  const found: number[] = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) found.push(at);
  return found;
}

/** The spans of the rule's allowed words in the text: an occurrence inside one of them passes. */
function allowedSpans(text: string, rule: ComplianceRule): Array<[number, number]> {
  return rule.allowed.flatMap((word) => occurrences(text, word).map((at): [number, number] => [at, at + word.length]));
}

function insideAllowed(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return spans.some(([from, to]) => from <= start && end <= to);
}

/**
 * Every finding of the compliance rules in `text`, in reading order: banned terms and patterns,
 * except where the occurrence lies inside an ordinary word the rule allows (第一次, 100%纯棉).
 * A longer finding swallows shorter ones inside it of the same rule (销量冠军 over 冠军), so each
 * phrase is reported once. `rules` narrows the check (e.g. no medical rule for apparel).
 */
export function checkCompliance(
  text: string,
  options: { rules?: readonly ComplianceRuleId[] } = {},
): ComplianceFinding[] {
  const rules = COMPLIANCE_RULES.filter((r) => !options.rules || options.rules.includes(r.id));
  const findings: ComplianceFinding[] = [];
  for (const rule of rules) {
    const spans = allowedSpans(text, rule);
    const hits: Array<[number, number]> = [];
    for (const term of rule.terms) {
      for (const at of occurrences(text, term)) hits.push([at, at + term.length]);
    }
    for (const source of rule.patterns ?? []) {
      for (const match of text.matchAll(new RegExp(source, 'gi')))
        hits.push([match.index, match.index + match[0].length]);
    }
    const kept = hits
      .filter(([start, end]) => !insideAllowed(spans, start, end))
      // Longest first, so a phrase covering a shorter hit is the one kept.
      .sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
    const taken: Array<[number, number]> = [];
    for (const [start, end] of kept) {
      if (taken.some(([from, to]) => start < to && from < end)) continue;
      taken.push([start, end]);
      findings.push({
        ruleId: rule.id,
        ruleName: rule.name,
        source: rule.source,
        term: text.slice(start, end),
        start,
        end,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
}

/** One line per finding, for an error message: 「治疗」违反 医疗用语…（来源）. */
export function describeFindings(findings: readonly ComplianceFinding[]): string {
  return findings.map((f) => `「${f.term}」属于${f.ruleName}`).join('；');
}

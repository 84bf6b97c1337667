// Indicators that carry the same count of people (catalogue COUNT_FAMILIES: balita ditimbang is the numerator of
// GZ_DS and the denominator of GZ_TD, …) are protected TOGETHER (issue 18, docs/privacy.md §3.3). Protected one at a
// time, each picks its own partners: GZ_TD hides desa A and B and shows C, GZ_DS hides A and C and shows B — and the
// kecamatan total of D minus B (from GZ_DS) minus C (from GZ_TD) is A's D. So:
// 1. one pattern: every member is protected with the areas hidden in any member hidden too (alsoHidden), again until
//    the union stops growing — then every member hides the same areas;
// 2. every certificate is checked on every member: a move of the shared count in one member is the same move in the
//    others, and must leave their views unchanged too (YearProtection.accepts) — else the second dataset it describes
//    is not consistent with everything a reader sees;
// 3. when a certificate fails on another member, the family falls back to less detail (bands → reasons → plain), as
//    one table does; what still fails is reported as unprotected.
import { COUNT_FAMILIES, type IndicatorCode } from '../indicators/catalogue.ts';
import { DETAILS, protectYear, type ProtectYearInput, type YearProtection } from './suppression.ts';

/** Protects the members of one family for one reader (inputs: the same kabupaten, year, reader; one per indicator). */
export function protectFamily(inputs: readonly ProtectYearInput[]): YearProtection[] {
  if (inputs.length <= 1) return inputs.map((input) => protectYear(input));
  const details = inputs[0]!.detail ? [inputs[0]!.detail] : DETAILS;
  let last: YearProtection[] = [];
  for (const detail of details) {
    let union = new Set<string>();
    let results: YearProtection[];
    for (;;) {
      results = inputs.map((input) => protectYear({ ...input, detail, alsoHidden: union }));
      const next = new Set(results.flatMap((r) => [...r.hidden]));
      // Each result hides at least the union it was given (fixed areas aside), so the union only grows: it ends.
      if ([...next].every((id) => union.has(id))) break;
      union = new Set([...union, ...next]);
    }
    const failures = crossCheck(inputs, results);
    last = results.map((r, i) => ({ ...r, unprotected: [...r.unprotected, ...failures[i]!] }));
    if (last.every((r) => r.unprotected.length === 0)) return last;
  }
  return last;
}

/** Per member: its certificates that another member does not accept (described `cert:to>from@month`). */
function crossCheck(inputs: readonly ProtectYearInput[], results: readonly YearProtection[]): string[][] {
  const codes = inputs.map((i) => i.def.code as IndicatorCode);
  return results.map((result, a) => {
    const failed: string[] = [];
    for (const family of COUNT_FAMILIES) {
      const mine = family.members.find((m) => m.indicator === codes[a]);
      if (!mine) continue;
      for (const other of family.members) {
        const b = codes.indexOf(other.indicator);
        if (other.indicator === codes[a] || b < 0) continue;
        for (const c of result.certificates) {
          if (c.month === null) continue; // a sasaran is no shared count
          const moved =
            c.moves === 'both' || (mine.measure === 'numerator' ? c.moves === 'numerator' : c.moves === 'denominator');
          if (!moved) continue;
          if (!results[b]!.accepts({ to: c.to, from: c.from, month: c.month, measure: other.measure }))
            failed.push(`cert:${c.to}>${c.from}@${c.month} (${other.indicator})`);
        }
      }
    }
    return failed;
  });
}

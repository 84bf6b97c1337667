// IHE ADX (Aggregate Data Exchange, QRPH; namespace urn:ihe:qrph:adx:2015), both directions. The message, as the IHE
// ADX supplement (Rev. 2.1 Trial Implementation, 2017) and the DHIS2 "ADX data format" documentation show it:
//   <adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-11-05T08:00:00Z">
//     <group orgUnit="…" period="2026-10-01/P1M" dataSet="…" [completeDate …]>
//       <dataValue dataElement="…" value="12" [SEX="F" AGE_GROUP="…"]>  ← every other attribute is a disaggregation
//         [<annotation>…</annotation>]
//       </dataValue>
//     </group>
//   </adx>
// DHIS2 also accepts categoryOptionCombo on a dataValue and attributeOptionCombo on a group; both are read as in DXF.
// The XML is read by our own bounded reader that refuses DTDs and entities (xml-reader.ts).
import { DataValueAssembler, type ExchangeRead } from './assemble.ts';
import { exchangeLimits, type ExchangeLimits } from './limits.ts';
import { exportRulesFor, orgUnitWriter, type DataElementRule, type ExchangeMapping } from './mapping.ts';
import { adxPeriodOf, parseAdxPeriod } from './periods.ts';
import type { ExchangeValue } from './values.ts';
import { escapeXml, readXml, type XmlStartTag } from './xml-reader.ts';

export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';
export const DEFAULT_ADX_DATA_SET = 'PETA_DESA';

/** Attributes of a dataValue that are not disaggregations. */
const DATA_VALUE_FIXED = new Set(['dataElement', 'value', 'categoryOptionCombo']);

class StopReading extends Error {}

export function readAdx(text: string, mapping: ExchangeMapping, limits: Partial<ExchangeLimits> = {}): ExchangeRead {
  const lim = exchangeLimits(limits);
  const assembler = new DataValueAssembler(mapping, parseAdxPeriod, lim.maxDataValues);
  const issues = assembler.issues;
  if (text.length > lim.maxChars) return assembler.refuseTooLarge(text.length, lim.maxChars);

  let group: { orgUnit: string; period: string; attributeOptionCombo: string | null } | null = null;
  let groups = 0;
  const attr = (tag: XmlStartTag, name: string) =>
    tag.attributes.find((a) => a.ns === null && a.local === name)?.value.trim() ?? '';
  const where = (tag: XmlStartTag) => `<${tag.qname}>`;
  try {
    const error = readXml(
      text,
      {
        open(tag) {
          if (tag.depth === 1) {
            if (tag.local !== 'adx' || tag.ns !== ADX_NAMESPACE) {
              issues.error(
                tag.line,
                where(tag),
                'EXCHANGE_STRUCTURE',
                `Elemen akar harus <adx xmlns="${ADX_NAMESPACE}">, bukan <${tag.qname}>${tag.ns ? ` (namespace ${tag.ns})` : ''}.`,
              );
              throw new StopReading();
            }
            return;
          }
          if (tag.ns !== ADX_NAMESPACE) return; // extensions of other namespaces are allowed and ignored
          if (tag.depth === 2 && tag.local === 'group') {
            groups++;
            const orgUnit = attr(tag, 'orgUnit');
            const period = attr(tag, 'period');
            const missing = [!orgUnit && 'orgUnit', !period && 'period'].filter(Boolean);
            if (missing.length)
              issues.error(
                tag.line,
                where(tag),
                'EXCHANGE_STRUCTURE',
                `<group> ke-${groups} tanpa atribut ${missing.join(' dan ')}.`,
              );
            group = missing.length
              ? null
              : { orgUnit, period, attributeOptionCombo: attr(tag, 'attributeOptionCombo') || null };
            return;
          }
          if (tag.depth === 3 && tag.local === 'dataValue') {
            if (!group) return; // its group is already reported
            const dataElement = attr(tag, 'dataElement');
            const value = tag.attributes.find((a) => a.ns === null && a.local === 'value');
            if (!dataElement || !value) {
              issues.error(
                tag.line,
                where(tag),
                'EXCHANGE_STRUCTURE',
                `<dataValue> tanpa atribut ${!dataElement ? 'dataElement' : 'value'}.`,
              );
              return;
            }
            const disaggregation = Object.fromEntries(
              tag.attributes
                .filter((a) => a.ns === null && !DATA_VALUE_FIXED.has(a.local))
                .map((a) => [a.local, a.value.trim()]),
            );
            const more = assembler.add({
              dataElement,
              categoryOptionCombo: attr(tag, 'categoryOptionCombo') || null,
              disaggregation,
              attributeOptionCombo: group.attributeOptionCombo,
              orgUnit: group.orgUnit,
              period: group.period,
              value: value.value,
              row: tag.line,
              column: `<dataValue dataElement="${dataElement}">`,
            });
            if (!more) throw new StopReading();
            return;
          }
          if (tag.depth === 4 && tag.local === 'annotation') return;
          issues.error(
            tag.line,
            where(tag),
            'EXCHANGE_STRUCTURE',
            `Elemen <${tag.qname}> tidak dikenal di tempat ini (ADX: <adx> → <group> → <dataValue> → <annotation>).`,
          );
          throw new StopReading();
        },
        close(tag) {
          if (tag.depth === 2 && tag.local === 'group') group = null;
        },
      },
      { maxChars: lim.maxChars, maxElements: lim.maxElements, maxDepth: lim.maxDepth },
    );
    if (error) {
      const code =
        error.kind === 'forbidden'
          ? 'EXCHANGE_XML_FORBIDDEN'
          : error.kind === 'too-large'
            ? 'EXCHANGE_TOO_LARGE'
            : 'EXCHANGE_SYNTAX';
      issues.error(error.line, null, code, error.message);
    }
  } catch (e) {
    if (!(e instanceof StopReading)) throw e;
  }
  if (issues.ok && groups === 0)
    issues.error(null, '<adx>', 'EXCHANGE_STRUCTURE', 'Berkas ADX tidak memuat <group> satu pun.');
  return assembler.finish();
}

export interface AdxWriteOptions {
  /** The "exported" timestamp (required by ADX), injected so output is reproducible. */
  exported: Date;
}

/** One <group> per orgUnit × period, values in the order given. */
export function writeAdx(values: readonly ExchangeValue[], mapping: ExchangeMapping, options: AdxWriteOptions): string {
  const orgUnitOf = orgUnitWriter(mapping);
  const groups = new Map<string, { orgUnit: string; period: string; lines: string[] }>();
  const dataValue = (rule: DataElementRule, value: number) => {
    const attrs = [`dataElement="${escapeXml(rule.dataElement)}"`];
    if (rule.categoryOptionCombo) attrs.push(`categoryOptionCombo="${escapeXml(rule.categoryOptionCombo)}"`);
    for (const [k, v] of Object.entries(rule.disaggregation ?? {})) attrs.push(`${k}="${escapeXml(v)}"`);
    attrs.push(`value="${value}"`);
    return `    <dataValue ${attrs.join(' ')}/>`;
  };
  for (const v of values) {
    const { numerator, denominator } = exportRulesFor(mapping, v);
    const orgUnit = orgUnitOf(v.kode);
    const period = adxPeriodOf(v.period);
    const key = `${orgUnit}|${period}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { orgUnit, period, lines: [] }));
    g.lines.push(dataValue(numerator, v.pembilang));
    if (denominator && v.penyebut !== null) g.lines.push(dataValue(denominator, v.penyebut));
  }
  // ADX requires orgUnit, period and dataSet on every group; without a data set of theirs, ours.
  const dataSet = ` dataSet="${escapeXml(mapping.dataSet ?? DEFAULT_ADX_DATA_SET)}"`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<adx xmlns="${ADX_NAMESPACE}" exported="${options.exported.toISOString()}">`,
  ];
  for (const g of groups.values()) {
    out.push(`  <group orgUnit="${escapeXml(g.orgUnit)}" period="${g.period}"${dataSet}>`, ...g.lines, '  </group>');
  }
  out.push('</adx>');
  return `${out.join('\n')}\n`;
}

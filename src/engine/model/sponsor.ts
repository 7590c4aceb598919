/** 举办者类型 — the sponsor codes of the 优质均衡 申报表 (表Ⅱ-2), and reading one from a 举办者/隶属关系/办学性质 cell. */
import { compactText, toHalfWidth } from './text';
import type { SponsorCode } from './types';

export type { SponsorCode };

/**
 * 举办者类型 names by code, as listed under 表Ⅱ-2 of 全国义务教育优质均衡发展县（市、区）申报表 (our transcription, see
 * docs/forms.md): level (中央, 省级, 地市级, 县级) × (教育部门, 其他部门), then 地方企业 and 民办.
 */
export const SPONSOR_LABELS: Readonly<Record<SponsorCode, string>> = {
  1: '中央教育部门',
  2: '中央其他部门',
  3: '省级教育部门',
  4: '省级其他部门',
  5: '地市级教育部门',
  6: '地市级其他部门',
  7: '县级教育部门',
  8: '县级其他部门',
  9: '地方企业',
  10: '民办',
};

type Level = 0 | 1 | 2 | 3; // 中央, 省级, 地市级, 县级

/**
 * The government level a text names: 地区 and 自治州 before 区, 县 before 市 (县级市 and 市辖区 are county level), 乡镇 as
 * county level.
 */
function levelOf(t: string): Level | null {
  if (/中央|国家|国务院|部属|教育部(?!门)/.test(t)) return 0;
  if (/省|自治区/.test(t)) return 1;
  if (/地区|地级|地市|州|盟/.test(t)) return 2;
  if (/县|区|旗|乡|镇|街道|村/.test(t)) return 3;
  if (/市/.test(t)) return 2;
  return null;
}

/**
 * A 举办者 text (or the form's code) → the form's code; null when the text does not say both the level and whether
 * the sponsor is the education department (县属 says the level only). 民办 needs no level, nor does 企业 (地方企业).
 */
export function parseSponsor(value: string | number): SponsorCode | null {
  const raw = toHalfWidth(String(value)).trim();
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    return n >= 1 && n <= 10 ? (n as SponsorCode) : null;
  }
  const t = compactText(raw);
  if (!t) return null;
  if (/民办|私立|民营|私人/.test(t)) return 10;
  if (/企业|公司|厂矿/.test(t)) return 9;
  const level = levelOf(t);
  if (level === null) return null;
  if (/教育|教委|教体/.test(t)) return (level * 2 + 1) as SponsorCode;
  if (/其他部门|其它部门|其他|其它|部门|局|委员会|厅/.test(t)) return (level * 2 + 2) as SponsorCode;
  return null;
}

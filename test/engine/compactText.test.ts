// compactText's shortcut (a text of ideographs, digits and lower-case Latin is already compact) gives what the full
// way gives, kept here as the reference, for texts mixing every kind of character a school name or header may hold.
import { compactText, toHalfWidth } from '../../src/engine/model/text';
import { mulberry32 } from '../support/random';

function reference(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[()（）【】[\]、,，.。:：;；·'"“”‘’/\\\-—_*]/g, '')
    .toLowerCase();
}

describe('compactText', () => {
  test('as the full way on names, kinds and headers of every kind of character', () => {
    const pool = [
      ...'第一中心小学初中九年一贯制校区分部教学点',
      ...'0123456789abcxyzABCXYZ',
      ...'１２ＡＢａｂ（）【】　',
      ...'ⅡⅢⅰ\u2212-—_·、，。：；“”‘’/\\*()[] \n\t\u00a0',
      'Ä',
      'É',
      'Σ',
      '𠀀',
    ];
    const rnd = mulberry32(20261203);
    const texts = ['', '第1小学', '实验小学', 'abc123', '第Ⅱ小学', 'ABC', '一小（北校区）', '九年一贯制'];
    for (let i = 0; i < 20000; i++) {
      let t = '';
      const n = Math.floor(rnd() * 10);
      for (let k = 0; k < n; k++) t += pool[Math.floor(rnd() * pool.length)];
      texts.push(t);
    }
    const wrong = texts.filter((t) => compactText(t) !== reference(t));
    expect(wrong).toEqual([]);
    expect(compactText('第Ⅱ小学')).toBe('第ⅱ小学');
    expect(compactText('第１小学（北）')).toBe('第1小学北');
  });
});

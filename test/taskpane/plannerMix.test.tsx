/**
 * The 整改测算 tab's 基本均衡 mix: with unit costs the cheapest mix (per indicator additions, cost, CV; total, gap),
 * without them the sentence that the plan is per indicator — in Chinese, and in English with no Chinese.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { render, within } from '@testing-library/react';
import {
  createDOMRenderer,
  FluentProvider,
  RendererProvider,
  webLightTheme,
} from '@fluentui/react-components';
import { evaluate, formatNumber, planStage, BASIC_2012, type StageMix } from '../../src/engine';
import { PlannerMix } from '../../src/taskpane/components/PlannerMix';
import { StringsContext, type Strings } from '../../src/taskpane/strings';
import { en } from '../../src/taskpane/strings.en';
import { zhCN } from '../../src/taskpane/strings.zh-CN';
import { BASIC_UNIT_COSTS, basicSchools } from '../support/basicCounty';

const renderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

const rows = basicSchools([0, 0.05, 0.4, 2, 3], {
  firstRow: 5,
  base: 300,
  step: 150,
  name: (i) => `中学${i + 1}`,
});
const unitCosts = BASIC_UNIT_COSTS;
const evaluation = evaluate(rows, BASIC_2012);

function show(mix: StageMix, strings: Strings) {
  return render(
    <RendererProvider renderer={renderer}>
      <FluentProvider theme={webLightTheme}>
        <StringsContext.Provider value={strings}>
          <PlannerMix mix={mix} label={strings.stageNames.junior} />
        </StringsContext.Provider>
      </FluentProvider>
    </RendererProvider>,
  );
}

test('with unit costs: each indicator the mix adds to, its cost, the total and the gap to the proven minimum', () => {
  const mix = planStage(evaluation, 'junior', { unitCosts }).mix as Extract<StageMix, { ok: true }>;
  expect(mix.ok).toBe(true);
  const view = show(mix, zhCN);
  const region = within(view.getByRole('region', { name: /成本最低的组合/ }));
  const added = mix.indicators.filter((m) => m.total > 0);
  expect(added.length).toBeGreaterThan(0);
  expect(region.getAllByRole('listitem')).toHaveLength(added.length);
  for (const m of added)
    expect(region.getByText(`约 ${formatNumber(m.cost, 0)} 元`, { exact: false })).toBeTruthy();
  expect(region.getByText(`合计约 ${formatNumber(mix.cost, 0)} 元`, { exact: false })).toBeTruthy();
  expect(region.getByText(/与理论最低相差不超过 [\d,]+ 元/)).toBeTruthy();
  view.unmount();
});

test('without unit costs: the plan is per indicator, not the cheapest mix (Chinese; English without Chinese)', () => {
  const mix = planStage(evaluation, 'junior').mix as StageMix;
  const zh = show(mix, zhCN);
  expect(zh.getByText(zhCN.mixPerIndicator)).toBeTruthy();
  zh.unmount();
  const english = show(mix, en);
  expect(english.getByText(en.mixPerIndicator)).toBeTruthy();
  expect(english.container.textContent).not.toMatch(HAN);
  english.unmount();
  const priced = planStage(evaluation, 'junior', { unitCosts }).mix as StageMix;
  const withCosts = show(priced, en);
  expect(withCosts.container.textContent).toContain('Cheapest mix');
  expect(withCosts.container.textContent).not.toMatch(HAN);
});

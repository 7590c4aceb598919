// A custom standard by form: a built-in standard to start from, then its thresholds, school rule, indicators, scope
// and split ratios; every edit rewrites the JSON (the one thing saved) and the engine's messages sit by their field.
import type { ReactNode } from 'react';
import {
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  INDICATOR_IDS,
  type IndicatorId,
  type Profile,
  type ProfileProblem,
  type SplitWeights,
  STAGES,
} from '../../engine';
import {
  baseOf,
  type Draft,
  type DraftPath,
  getAt,
  numberInput,
  numberText,
  setAt,
  sortErrors,
} from '../profileDraft';
import { useStrings, type Strings } from '../strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    margin: 0,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}` },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  indicators: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 76px 76px',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'start',
  },
  head: { color: tokens.colorNeutralForeground3, alignSelf: 'end' },
  rowError: { gridColumn: '1 / -1', color: tokens.colorPaletteRedForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  number: { minWidth: 0, width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type FieldErrors = Map<string, string[]>;

const SPLIT_PATHS: [keyof SplitWeights, string][] = [
  ['nineYear', 'primary'],
  ['nineYear', 'junior'],
  ['completeMiddle', 'junior'],
  ['completeMiddle', 'senior'],
  ['twelveYear', 'primary'],
  ['twelveYear', 'junior'],
  ['twelveYear', 'senior'],
];

/** Every key path the form edits: the engine's messages naming one of them are shown by its field. */
export const FORM_FIELDS: readonly string[] = [
  'extends',
  'name',
  'cv.mode',
  'cv.thresholds.primary',
  'cv.thresholds.junior',
  'schoolRule.k',
  'schoolRule.r',
  'schoolRule',
  'indicators',
  ...INDICATOR_IDS.flatMap((id) => [...STAGES.map((s) => `standards.${id}.${s}`), `standards.${id}`]),
  'scope.teachingPoints',
  'scope.teachingPointMinStudents',
  'scope.excludePrivate',
  'scope.excludeNotCountyRun',
  'scope.excludeSpecial',
  ...SPLIT_PATHS.map(([kind, stage]) => `split.weights.${kind}.${stage}`),
];

function messageOf(errors: FieldErrors, path: string, strings: Strings): string | undefined {
  const list = errors.get(path);
  return list && list.length > 0 ? strings.sentences(list) : undefined;
}

/** A number box bound to a key path: the draft's text if it has one, else the standard's value in effect. */
function NumberField(props: {
  label: string;
  path: DraftPath;
  draft: Draft;
  shown: number | null | undefined;
  errors: FieldErrors;
  disabled: boolean;
  /** What an empty box writes: undefined (back to the base value) or null (none). */
  empty?: unknown;
  hint?: string;
  onEdit(path: DraftPath, value: unknown): void;
}) {
  const styles = useStyles();
  const strings = useStrings();
  const own = getAt(props.draft, props.path);
  const text = own !== undefined ? numberText(own) : numberText(props.shown ?? undefined);
  const message = messageOf(props.errors, props.path.join('.'), strings);
  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
    >
      <Input
        className={styles.number}
        inputMode="decimal"
        value={text}
        disabled={props.disabled}
        onChange={(_, data) => props.onEdit(props.path, numberInput(data.value, props.empty))}
      />
    </Field>
  );
}

export function ProfileForm(props: {
  draft: Draft;
  /** The standard as the draft makes it (null while it has errors: the base standard's values are shown). */
  resolved: Profile | null;
  errors: readonly ProfileProblem[];
  disabled: boolean;
  /** The dash-reading switch, which applies to any standard. */
  dashes: ReactNode;
  onChange(draft: Draft): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const { draft, disabled } = props;
  const shown: Profile | null = props.resolved ?? baseOf(draft);
  const { byField } = sortErrors(props.errors, FORM_FIELDS, strings.profileTexts);
  const edit = (path: DraftPath, value: unknown) => props.onChange(setAt(draft, path, value));
  const number = (
    label: string,
    path: DraftPath,
    value: number | null | undefined,
    extra: { empty?: unknown; hint?: string } = {},
  ) => (
    <NumberField
      key={path.join('.')}
      label={label}
      path={path}
      draft={draft}
      shown={value}
      errors={byField}
      disabled={disabled}
      onEdit={edit}
      {...extra}
    />
  );
  const errorText = (path: string) => {
    const message = messageOf(byField, path, strings);
    return message ? (
      <Caption1 className={styles.error} role="alert">
        {message}
      </Caption1>
    ) : null;
  };

  const base = typeof draft.extends === 'string' ? draft.extends : '';
  const indicators = shown?.indicators ?? [];
  const rule = shown?.schoolRule ?? null;
  const toggleIndicator = (id: IndicatorId, on: boolean) => {
    const next = on ? [...indicators, id] : indicators.filter((i) => i !== id);
    edit(
      ['indicators'],
      INDICATOR_IDS.filter((i) => next.includes(i)),
    );
  };
  const listed = INDICATOR_IDS.filter(
    (id) => indicators.includes(id) || shown?.standards[id] !== undefined || getAt(draft, ['standards', id]),
  );
  const others = INDICATOR_IDS.filter((id) => !listed.includes(id));

  return (
    <div className={styles.form} aria-label={strings.formTitle} role="group">
      <Field label={strings.formBase} validationMessage={messageOf(byField, 'extends', strings)}>
        <RadioGroup
          layout="horizontal"
          value={base}
          disabled={disabled}
          onChange={(_, data) => edit(['extends'], data.value)}
        >
          <Radio value="quality-2017" label={strings.profileQuality} />
          <Radio value="basic-2012" label={strings.profileBasic} />
        </RadioGroup>
      </Field>
      <Field
        label={strings.formName}
        validationState={messageOf(byField, 'name', strings) ? 'error' : 'none'}
        validationMessage={messageOf(byField, 'name', strings)}
      >
        <Input
          value={typeof draft.name === 'string' ? draft.name : ''}
          placeholder={strings.lang === 'en' ? strings.profileCustom : shown?.name}
          disabled={disabled}
          onChange={(_, data) => edit(['name'], data.value === '' ? undefined : data.value)}
        />
      </Field>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{strings.formCv}</Text>
        </legend>
        <RadioGroup
          aria-label={strings.formCvMode}
          value={shown?.cv.mode ?? 'each'}
          disabled={disabled}
          onChange={(_, data) => edit(['cv', 'mode'], data.value)}
        >
          <Radio value="each" label={strings.formCvEach} />
          <Radio value="composite" label={strings.formCvComposite} />
        </RadioGroup>
        {errorText('cv.mode')}
        <div className={styles.pair}>
          {STAGES.map((stage) =>
            number(
              strings.formCvLimit(strings.stageNames[stage], shown?.cv.mode === 'composite'),
              ['cv', 'thresholds', stage],
              shown?.cv.thresholds[stage],
            ),
          )}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{strings.formRule}</Text>
        </legend>
        <Switch
          label={strings.formRuleOn}
          checked={rule !== null}
          disabled={disabled}
          onChange={(_, data) =>
            edit(['schoolRule'], data.checked ? { k: rule?.k ?? 1, r: rule?.r ?? 0.85 } : null)
          }
        />
        {errorText('schoolRule')}
        {rule !== null || getAt(draft, ['schoolRule']) ? (
          <div className={styles.pair}>
            {number(strings.formRuleK, ['schoolRule', 'k'], rule?.k, { hint: strings.formRuleKHint })}
            {number(strings.formRuleR, ['schoolRule', 'r'], rule?.r, { hint: strings.formRuleRHint })}
          </div>
        ) : null}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{strings.formIndicators}</Text>
        </legend>
        <Caption1 className={styles.muted}>{strings.formIndicatorsHint}</Caption1>
        {errorText('indicators')}
        <div className={styles.indicators} role="table" aria-label={strings.formIndicators}>
          <div role="row" style={{ display: 'contents' }}>
            <Caption1 role="columnheader" className={styles.head}>
              {strings.colIndicator}
            </Caption1>
            {STAGES.map((stage) => (
              <Caption1 key={stage} role="columnheader" className={styles.head}>
                {strings.formStandardOf(strings.stageNames[stage])}
              </Caption1>
            ))}
          </div>
          {[...listed, ...others].map((id) => {
            const label = strings.indicatorLabel(id);
            const std = shown?.standards[id];
            const stdError = [
              messageOf(byField, `standards.${id}`, strings),
              ...STAGES.map((s) => messageOf(byField, `standards.${id}.${s}`, strings)),
            ].filter((m): m is string => m !== undefined);
            return (
              <div key={id} role="row" style={{ display: 'contents' }}>
                <div role="cell">
                  <Checkbox
                    label={label}
                    title={strings.indicatorName(id)}
                    checked={indicators.includes(id)}
                    disabled={disabled}
                    onChange={(_, data) => toggleIndicator(id, data.checked === true)}
                  />
                </div>
                {STAGES.map((stage) => {
                  const path = ['standards', id, stage];
                  const own = getAt(draft, path);
                  const text = own !== undefined ? numberText(own) : numberText(std?.[stage]);
                  const bad = messageOf(byField, path.join('.'), strings) !== undefined;
                  return (
                    <div key={stage} role="cell">
                      <Input
                        className={styles.number}
                        size="small"
                        inputMode="decimal"
                        aria-label={strings.formStandardLabel(label, strings.stageNames[stage])}
                        aria-invalid={bad || undefined}
                        value={text}
                        placeholder="—"
                        disabled={disabled}
                        onChange={(_, data) => edit(path, numberInput(data.value, null))}
                      />
                    </div>
                  );
                })}
                {stdError.length > 0 && (
                  <Caption1 className={styles.rowError} role="alert">
                    {strings.sentences(stdError)}
                  </Caption1>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{strings.formScope}</Text>
        </legend>
        <Field
          label={strings.formTeachingPoints}
          validationMessage={messageOf(byField, 'scope.teachingPoints', strings)}
        >
          <RadioGroup
            value={shown?.scope.teachingPoints ?? 'belowMinimum'}
            disabled={disabled}
            onChange={(_, data) => edit(['scope', 'teachingPoints'], data.value)}
          >
            <Radio value="belowMinimum" label={strings.formTeachingPointsBelow} />
            <Radio value="all" label={strings.formTeachingPointsAll} />
            <Radio value="none" label={strings.formTeachingPointsNone} />
          </RadioGroup>
        </Field>
        {(shown?.scope.teachingPoints ?? 'belowMinimum') === 'belowMinimum' &&
          number(
            strings.formTeachingPointMin,
            ['scope', 'teachingPointMinStudents'],
            shown?.scope.teachingPointMinStudents,
          )}
        {(['excludePrivate', 'excludeNotCountyRun', 'excludeSpecial'] as const).map((key) => (
          <div key={key}>
            <Switch
              label={strings.formScopeSwitch(key)}
              checked={shown?.scope[key] ?? false}
              disabled={disabled}
              onChange={(_, data) => edit(['scope', key], data.checked)}
            />
            {errorText(`scope.${key}`)}
          </div>
        ))}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{strings.formSplit}</Text>
        </legend>
        <Caption1 className={styles.muted}>{strings.formSplitHint}</Caption1>
        <div className={styles.pair}>
          {SPLIT_PATHS.map(([kind, stage]) =>
            number(
              strings.formSplitWeight(
                strings.kindNames[kind],
                stage === 'senior' ? strings.seniorName : strings.stageNames[stage as 'primary' | 'junior'],
              ),
              ['split', 'weights', kind, stage],
              (shown?.split.weights[kind] as Record<string, number> | undefined)?.[stage],
            ),
          )}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{strings.formDashes}</Text>
        </legend>
        {props.dashes}
      </fieldset>
    </div>
  );
}

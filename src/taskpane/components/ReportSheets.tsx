// What 写入评估报告 writes: the county and year of the titles, and a checkbox per sheet the chosen standard has.
import { Caption1, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { reportSheetName, type ReportSheetId, type TableCaption } from '../../engine';
import { parseYear } from '../planOptions';
import type { ReportTitleInputs } from '../settings';
import { useStrings } from '../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    border: 'none',
    padding: 0,
    margin: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  title: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 150px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    marginBottom: tokens.spacingVerticalS,
  },
  input: { minWidth: 0, width: '100%' },
});

/** The county and year as shown: what the user typed, else the table's title row's. */
export function titleInputsShown(
  typed: ReportTitleInputs | undefined,
  caption: TableCaption | null | undefined,
): ReportTitleInputs {
  return typed ?? { county: caption?.county ?? '', year: caption?.year ? String(caption.year) : '' };
}

/** The county name and data year for the titles, asked once and kept in the workbook. */
export function ReportTitleFields(props: {
  value: ReportTitleInputs;
  disabled: boolean;
  onChange(next: ReportTitleInputs): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const yearInvalid = props.value.year.trim() !== '' && parseYear(props.value.year) === null;
  return (
    <div>
      <div className={styles.title}>
        <Field size="small" label={strings.reportCountyLabel}>
          <Input
            size="small"
            className={styles.input}
            value={props.value.county}
            disabled={props.disabled}
            onChange={(_, data) => props.onChange({ ...props.value, county: data.value })}
          />
        </Field>
        <Field
          size="small"
          label={strings.reportYearLabel}
          validationState={yearInvalid ? 'error' : 'none'}
          validationMessage={yearInvalid ? strings.reportYearInvalid : undefined}
        >
          <Input
            size="small"
            inputMode="numeric"
            className={styles.input}
            value={props.value.year}
            disabled={props.disabled}
            onChange={(_, data) => props.onChange({ ...props.value, year: data.value })}
          />
        </Field>
      </div>
      <Caption1 className={styles.hint}>{strings.reportTitleHint}</Caption1>
    </div>
  );
}

export function ReportSheets(props: {
  /** The sheets the standard has, in writing order. */
  available: readonly ReportSheetId[];
  chosen: readonly ReportSheetId[];
  disabled: boolean;
  onChange(chosen: ReportSheetId[]): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const toggle = (id: ReportSheetId, on: boolean) =>
    props.onChange(props.available.filter((x) => (x === id ? on : props.chosen.includes(x))));
  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{strings.reportSheetsLabel}</legend>
      {props.available.map((id) => (
        <Checkbox
          key={id}
          label={strings.reportSheetLabel(reportSheetName(id))}
          checked={props.chosen.includes(id)}
          disabled={props.disabled}
          onChange={(_, data) => toggle(id, data.checked === true)}
        />
      ))}
      <Caption1 className={styles.hint}>{strings.reportSheetsHint}</Caption1>
      {props.chosen.length === 0 && <Caption1>{strings.reportSheetsNone}</Caption1>}
    </fieldset>
  );
}

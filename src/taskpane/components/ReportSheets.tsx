// Which sheets 写入评估报告 writes: a checkbox per sheet the chosen standard has (report, 整改测算, the 申报表 tables).
import { Caption1, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { reportSheetName, type ReportSheetId } from '../../engine';
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
});

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

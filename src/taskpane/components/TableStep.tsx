// Step 1: where the school table is — sheet, range, header rows, rows read — with 重新识别 and 使用所选区域.
import type { ReactNode } from 'react';
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Skeleton,
  SkeletonItem,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, SelectAllOnRegular, TableRegular } from '@fluentui/react-icons';
import { type DataIssue, renderIssue, type TableRead } from '../../engine';
import { useStrings } from '../strings';
import type { LocatedTable } from '../workflow';
import { Section } from './Section';

const useStyles = makeStyles({
  facts: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  sheet: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  sheetName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  picker: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: '100%' },
  restored: { color: tokens.colorPaletteGreenForeground1 },
});

export function TableStep(props: {
  table: LocatedTable | null;
  /** The rows as the current mapping reads them. */
  preview: TableRead | null;
  /** Why no table was found. */
  issues: readonly DataIssue[];
  /** Why no table was found, in one line (this sheet has none; no visible sheet has one); DEFAULT tableNotFound. */
  notFound?: string;
  /** The sheets that may hold the table (visible, not a report sheet), for the picker. */
  sheets: readonly string[];
  /** The sheet read last (the table's, or the one without a table shown). */
  sheet: string | null;
  /** Whether the host reads the selection (使用所选区域 is hidden where it cannot). */
  canUseSelection: boolean;
  /** Messages of 重新识别, the picker and 使用所选区域, shown under their buttons. */
  feedback?: ReactNode;
  restored: boolean;
  disabled: boolean;
  /** The first read has not finished yet. */
  loading: boolean;
  onRescan(): void;
  onUseSelection(): void;
  onPickSheet(sheet: string): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const { table, preview } = props;
  let content;
  if (props.loading) {
    content = (
      <Skeleton aria-label={strings.busyReading}>
        <SkeletonItem size={16} />
        <SkeletonItem size={12} style={{ marginTop: 6, width: '70%' }} />
      </Skeleton>
    );
  } else if (table) {
    const range = table.address.slice(table.address.lastIndexOf('!') + 1);
    content = (
      <div className={styles.facts}>
        <div className={styles.sheet}>
          <TableRegular aria-hidden />
          <Text weight="semibold" className={styles.sheetName}>
            {strings.tableSheet(table.sheet)}
          </Text>
        </div>
        <Caption1 className={styles.muted}>
          {table.fromSelection ? `${strings.tableSelection} ${range}` : strings.tableRange(range)} ·{' '}
          {strings.tableHeader(table.headerTop, table.headerBottom)}
        </Caption1>
        {preview && <Caption1>{strings.tableRows(preview.rows.length, preview.skipped.length)}</Caption1>}
        {props.restored && <Caption1 className={styles.restored}>{strings.restored}</Caption1>}
      </div>
    );
  } else {
    content = (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{props.notFound ?? strings.tableNotFound}</MessageBarTitle>
          {props.issues.map((issue, i) => (
            <div key={i}>{renderIssue(issue, strings.issueTexts)}</div>
          ))}
          <div>{strings.tableNotFoundHint}</div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <Section step={1} title={strings.stepTable}>
      {props.sheets.length > 1 && (
        <Field
          size="small"
          label={strings.sheetPicker}
          hint={strings.sheetPickerHint}
          className={styles.picker}
        >
          <Select
            size="small"
            className={styles.select}
            value={props.sheet ?? ''}
            disabled={props.disabled}
            onChange={(_, data) => props.onPickSheet(data.value)}
          >
            {props.sheet !== null && !props.sheets.includes(props.sheet) && (
              <option value={props.sheet}>{props.sheet}</option>
            )}
            {props.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {content}
      <div className={styles.buttons}>
        <Tooltip content={strings.rescanHint} relationship="description">
          <Button
            size="small"
            icon={<ArrowClockwiseRegular />}
            disabled={props.disabled}
            onClick={props.onRescan}
          >
            {strings.rescan}
          </Button>
        </Tooltip>
        {props.canUseSelection && (
          <Tooltip content={strings.useSelectionHint} relationship="description">
            <Button
              size="small"
              icon={<SelectAllOnRegular />}
              disabled={props.disabled}
              onClick={props.onUseSelection}
            >
              {strings.useSelection}
            </Button>
          </Tooltip>
        )}
      </div>
      {props.feedback}
    </Section>
  );
}

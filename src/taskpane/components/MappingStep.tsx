// Step 2: which column holds which field — one Fluent Dropdown per field, required fields marked when missing.
import { useMemo, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Dropdown,
  Field,
  Option,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  type ColumnMapping,
  type FieldDef,
  type FieldKey,
  FIELDS,
  type Profile,
  type ProfileNeed,
} from '../../engine';
import { useStrings } from '../strings';
import { assignColumn, relevantFields, type LocatedTable } from '../workflow';
import { Section } from './Section';

const NONE = 'none';

const useStyles = makeStyles({
  accordion: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    margin: `0 ${tokens.spacingHorizontalM}`,
  },
  missing: { color: tokens.colorPaletteRedForeground1 },
  lacking: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hint: { color: tokens.colorNeutralForeground3 },
  fieldGroup: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  group: {
    marginTop: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  dropdown: { minWidth: 0, width: '100%' },
  option: { overflowWrap: 'anywhere' },
});

const OPTION_UNIT = new Map(FIELDS.map((f) => [f.key, f.unit ?? '']));

export function MappingStep(props: {
  table: LocatedTable;
  mapping: ColumnMapping;
  missing: readonly FieldKey[];
  /** Columns the chosen standard needs that the mapping lacks: never summed up in green. */
  needsMissing: readonly ProfileNeed[];
  profile: Profile | null;
  disabled: boolean;
  onChange(mapping: ColumnMapping): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const { table, mapping, missing } = props;
  const [showAll, setShowAll] = useState(false);
  const [open, setOpen] = useState<boolean>(missing.length > 0);
  const isOpen = open || missing.length > 0;

  const fields = useMemo(
    () => (showAll ? [...FIELDS] : relevantFields(mapping, props.profile)),
    [showAll, mapping, props.profile],
  );
  const groups = useMemo(() => {
    const byGroup = new Map<FieldDef['group'], FieldDef[]>();
    for (const f of fields) byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);
    return [...byGroup];
  }, [fields]);
  const columnText = (column: number) => {
    const c = table.columns.find((h) => h.column === column);
    return c ? strings.mappingColumn(c.letter, c.header) : strings.mappingNone;
  };
  const mapped = Object.values(mapping).filter(Boolean).length;
  const summary =
    missing.length > 0 ? (
      <Badge color="danger" appearance="tint">
        {strings.mappingMissingCount(missing.length)}
      </Badge>
    ) : props.needsMissing.length > 0 ? (
      <Badge color="warning" appearance="tint">
        {strings.mappingNeedsCount(props.needsMissing.length)}
      </Badge>
    ) : (
      <Badge color="success" appearance="tint">
        {strings.mappingSummary(mapped)}
      </Badge>
    );

  return (
    <Section step={2} title={strings.stepMapping} aside={summary}>
      {missing.length > 0 && (
        <Caption1 role="alert" className={styles.missing}>
          {strings.mappingMissing(strings.list(missing.map((f) => strings.fieldLabel(f))))}
        </Caption1>
      )}
      {props.needsMissing.length > 0 && (
        <Caption1 role="status" className={styles.lacking}>
          {strings.mappingNeedsMissing(
            strings.list(props.needsMissing.map((n) => strings.fieldLabel(n.field))),
          )}
        </Caption1>
      )}
      <Accordion
        collapsible
        openItems={isOpen ? ['mapping'] : []}
        onToggle={() => setOpen(!isOpen)}
        className={styles.accordion}
      >
        <AccordionItem value="mapping">
          <AccordionHeader size="small">{strings.mappingToggle}</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Caption1 className={styles.hint}>{strings.mappingHint}</Caption1>
            {groups.map(([group, defs]) => (
              <div
                key={group}
                role="group"
                aria-label={strings.fieldGroup(group)}
                className={styles.fieldGroup}
              >
                {(showAll || groups.length > 1) && (
                  <Caption1 as="h3" block className={styles.group}>
                    {strings.fieldGroup(group)}
                  </Caption1>
                )}
                {defs.map((def) => {
                  const entry = mapping[def.key];
                  const isMissing = missing.includes(def.key);
                  const value = entry ? String(entry.column) : NONE;
                  return (
                    <Field
                      key={def.key}
                      size="small"
                      label={strings.fieldOption(def.key, OPTION_UNIT.get(def.key) ?? '')}
                      required={def.required}
                      validationState={isMissing ? 'error' : 'none'}
                      validationMessage={isMissing ? strings.mappingRequired : undefined}
                      hint={
                        entry?.unit && entry.unitFactor !== 1 ? strings.mappingUnit(entry.unit) : undefined
                      }
                    >
                      <Dropdown
                        size="small"
                        className={styles.dropdown}
                        disabled={props.disabled}
                        value={entry ? columnText(entry.column) : strings.mappingNone}
                        selectedOptions={[value]}
                        onOptionSelect={(_, data) => {
                          const next =
                            data.optionValue === NONE || data.optionValue === undefined
                              ? null
                              : Number(data.optionValue);
                          props.onChange(assignColumn(table, mapping, def.key, next));
                        }}
                      >
                        <Option value={NONE} text={strings.mappingNone}>
                          {strings.mappingNone}
                        </Option>
                        {table.columns.map((c) => {
                          const text = strings.mappingColumn(c.letter, c.header);
                          return (
                            <Option
                              key={c.column}
                              value={String(c.column)}
                              text={text}
                              className={styles.option}
                            >
                              {text}
                            </Option>
                          );
                        })}
                      </Dropdown>
                    </Field>
                  );
                })}
              </div>
            ))}
            <Switch
              checked={showAll}
              label={strings.mappingShowAll}
              onChange={(_, data) => setShowAll(data.checked)}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Section>
  );
}

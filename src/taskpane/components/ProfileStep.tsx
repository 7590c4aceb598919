// Step 3: the standard — chosen from the table's columns, 优质均衡 (2017), 基本均衡 (2012) or a custom one made by form
// or imported as JSON — what it needs from the table, and its thresholds.
import { useRef } from 'react';
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import {
  type DashReading,
  formatNumber,
  formatPercent,
  INDICATORS,
  type Profile,
  profileIndicators,
  type ProfileNeed,
} from '../../engine';
import { type Draft, draftText, readDraft, sortErrors } from '../profileDraft';
import type { ProfileKey } from '../settings';
import { useStrings } from '../strings';
import type { ProfileResolution } from '../workflow';
import { formatThreshold } from './format';
import { FORM_FIELDS, ProfileForm } from './ProfileForm';
import { Section } from './Section';

const useStyles = makeStyles({
  rules: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  custom: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  textarea: { fontFamily: tokens.fontFamilyMonospace },
  table: { tableLayout: 'auto' },
  number: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    width: '1%',
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' },
  },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  needs: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  need: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  needMissing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** The columns the standard needs, each present or missing; a missing one is never shown as fine. */
function Needs({ needs }: { needs: readonly ProfileNeed[] }) {
  const strings = useStrings();
  const styles = useStyles();
  const missing = needs.filter((n) => !n.present).length;
  return (
    <div className={styles.rules}>
      <Caption1>
        <strong>{strings.needsTitle}</strong>
        {strings.lang === 'en' ? ' (' : '（'}
        {missing === 0 ? strings.needsAll(needs.length) : strings.needsSome(missing, needs.length)}
        {strings.lang === 'en' ? ')' : '）'}
      </Caption1>
      <ul className={styles.needs} aria-label={strings.needsTitle}>
        {needs.map((n) => (
          <li key={n.field} className={n.present ? styles.need : `${styles.need} ${styles.needMissing}`}>
            <Caption1>{n.present ? '✓' : '✗'}</Caption1>
            <Caption1>{strings.fieldLabel(n.field)}</Caption1>
            <Caption1 className={n.present ? styles.muted : undefined}>
              {n.present ? strings.needPresent : strings.needMissing}
            </Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Thresholds({ profile }: { profile: Profile }) {
  const strings = useStrings();
  const styles = useStyles();
  const { thresholds, mode } = profile.cv;
  const primary = formatThreshold(thresholds.primary);
  const junior = formatThreshold(thresholds.junior);
  const withStandards = profileIndicators(profile).filter((id) => profile.standards[id] !== undefined);
  const n = withStandards.length;
  return (
    <div className={styles.rules}>
      <Caption1>
        {mode === 'each' ? strings.cvRuleEach(primary, junior) : strings.cvRuleComposite(primary, junior)}
      </Caption1>
      <Caption1>
        {profile.schoolRule
          ? strings.schoolRule(profile.schoolRule.k, n, formatPercent(profile.schoolRule.r))
          : strings.noSchoolRule}
      </Caption1>
      <Table size="extra-small" className={styles.table} aria-label={strings.standardsCaption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{strings.colIndicator}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{strings.colPrimary}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{strings.colJunior}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {profileIndicators(profile).map((id) => {
            const meta = INDICATORS[id];
            const std = profile.standards[id];
            const show = (v: number | undefined) =>
              v === undefined ? '—' : strings.valueWithUnit(formatNumber(v, 6), meta.valueUnit);
            return (
              <TableRow key={id}>
                <TableCell title={strings.indicatorName(id)}>{strings.indicatorLabel(id)}</TableCell>
                {std ? (
                  <>
                    <TableCell className={styles.number}>{show(std.primary)}</TableCell>
                    <TableCell className={styles.number}>{show(std.junior)}</TableCell>
                  </>
                ) : (
                  <TableCell colSpan={2} className={styles.muted}>
                    {strings.cvOnly}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

export function ProfileStep(props: {
  profileKey: ProfileKey;
  customText: string;
  resolution: ProfileResolution;
  /** What the standard needs from the table found (null before one is found). */
  needs: readonly ProfileNeed[] | null;
  /** How "—", "/" and "无" read: the switch applies to whichever standard is chosen. */
  dashes: DashReading;
  disabled: boolean;
  onChange(key: ProfileKey, customText: string): void;
  onDashesChange(dashes: DashReading): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const { profileKey, customText, resolution } = props;

  const readFile = (file: File) => {
    const reader = new FileReader();
    reader.onload = () => props.onChange('custom', String(reader.result ?? ''));
    reader.onerror = () => props.onChange('custom', customText);
    reader.readAsText(file, 'utf-8');
  };
  /** Saves the JSON as a file (where the host lets a pane download; Office on the web and desktop do). */
  const exportJson = () => {
    if (typeof URL.createObjectURL !== 'function') return;
    const url = URL.createObjectURL(new Blob([customText], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = strings.customExportName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const draft = profileKey === 'custom' ? readDraft(customText) : null;
  const errors = resolution.ok ? [] : resolution.problems;
  // With the form shown, messages naming a field sit by that field; the rest stay under the JSON.
  const listed = sortErrors(errors, draft ? FORM_FIELDS : [], strings.profileTexts).rest;
  const editDraft = (next: Draft) => props.onChange('custom', draftText(next));
  const dashesSwitch = (
    <Field hint={strings.dashesHint}>
      <Switch
        label={strings.dashesNone}
        checked={props.dashes === 'none'}
        disabled={props.disabled}
        onChange={(_, data) => props.onDashesChange(data.checked ? 'none' : 'unknown')}
      />
    </Field>
  );

  return (
    <Section step={3} title={strings.stepProfile}>
      <RadioGroup
        aria-label={strings.profileLabel}
        value={profileKey}
        disabled={props.disabled}
        onChange={(_, data) => props.onChange(data.value as ProfileKey, customText)}
      >
        <Radio value="auto" label={strings.profileAuto} />
        <Radio value="quality-2017" label={strings.profileQuality} />
        <Radio value="basic-2012" label={strings.profileBasic} />
        <Radio value="custom" label={strings.profileCustom} />
      </RadioGroup>
      {profileKey === 'custom' && (
        <div className={styles.custom}>
          {draft ? (
            <ProfileForm
              draft={draft}
              resolved={resolution.ok ? resolution.profile : null}
              errors={errors}
              disabled={props.disabled}
              dashes={dashesSwitch}
              onChange={editDraft}
            />
          ) : (
            <div className={styles.rules}>
              <Caption1>{strings.formStart}</Caption1>
              <div className={styles.buttons}>
                {(['quality-2017', 'basic-2012'] as const).map((id) => (
                  <Button
                    key={id}
                    size="small"
                    disabled={props.disabled || customText.trim() !== ''}
                    onClick={() => editDraft({ extends: id })}
                  >
                    {strings.formStartFrom(
                      id === 'basic-2012' ? strings.profileBasic : strings.profileQuality,
                    )}
                  </Button>
                ))}
              </div>
            </div>
          )}
          <Field label={strings.customLabel} hint={strings.customHint}>
            <Textarea
              className={styles.textarea}
              resize="vertical"
              rows={5}
              value={customText}
              placeholder={strings.customPlaceholder}
              disabled={props.disabled}
              onChange={(_, data) => props.onChange('custom', data.value)}
            />
          </Field>
          <div className={styles.buttons}>
            <Button
              size="small"
              icon={<DocumentArrowUpRegular />}
              disabled={props.disabled}
              onClick={() => fileInput.current?.click()}
            >
              {strings.customUpload}
            </Button>
            <Button
              size="small"
              icon={<ArrowDownloadRegular />}
              disabled={props.disabled || !resolution.ok}
              onClick={exportJson}
            >
              {strings.customExport}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="profile-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) readFile(file);
                event.target.value = '';
              }}
            />
          </div>
          {!resolution.ok &&
            (errors.length === 0 ? (
              <Caption1 className={styles.muted}>{strings.customEmpty}</Caption1>
            ) : (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{strings.customErrors}</MessageBarTitle>
                  {listed.length > 0 ? (
                    <ul className={styles.errors}>
                      {listed.map((e, i) => (
                        <li key={i}>{e}</li>
                      ))}
                    </ul>
                  ) : (
                    <span>{strings.formErrorsAtFields(errors.length)}</span>
                  )}
                </MessageBarBody>
              </MessageBar>
            ))}
        </div>
      )}
      {resolution.ok && resolution.auto && props.needs && (
        <MessageBar
          intent={resolution.auto.needs.every((n) => n.present) ? 'info' : 'warning'}
          layout="multiline"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {strings.autoChosen(
                resolution.profile.id === 'basic-2012' ? strings.profileBasic : strings.profileQuality,
              )}
            </MessageBarTitle>
            <span>{strings.autoWhy(resolution.auto)}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {resolution.ok && props.needs && <Needs needs={props.needs} />}
      {resolution.ok && <Thresholds profile={resolution.profile} />}
      {draft === null && dashesSwitch}
    </Section>
  );
}

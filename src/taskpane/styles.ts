/**
 * The pane's styles, written with Fluent's design tokens (the CSS custom
 * properties `setTheme` defines), installed as a constructed stylesheet: the
 * page's Content-Security-Policy then needs no 'unsafe-inline' for styles, and
 * any page that mounts the pane (Excel, the playground, a test) gets them.
 */
const CSS = `
:root { color-scheme: light dark; }
body {
  margin: 0;
  background: var(--colorNeutralBackground1);
  color: var(--colorNeutralForeground1);
  font-family: var(--fontFamilyBase);
  font-size: var(--fontSizeBase300);
  line-height: var(--lineHeightBase300);
}
.infra-pane { padding: var(--spacingVerticalM) var(--spacingHorizontalM); max-width: 640px; box-sizing: border-box; overflow-wrap: anywhere; }
.infra-pane input { box-sizing: border-box; max-width: 100%; }
.infra-pane h1 { font-size: var(--fontSizeBase500); font-weight: var(--fontWeightSemibold); margin: 0 0 var(--spacingVerticalXS); }
.infra-pane h2 { font-size: var(--fontSizeBase400); font-weight: var(--fontWeightSemibold); margin: var(--spacingVerticalL) 0 var(--spacingVerticalS); }
.infra-pane h3 { font-size: var(--fontSizeBase300); font-weight: var(--fontWeightSemibold); margin: 0; }
.infra-pane p { margin: var(--spacingVerticalXS) 0; }
.infra-pane .muted { color: var(--colorNeutralForeground3); font-size: var(--fontSizeBase200); }
.infra-pane a { color: var(--colorBrandForegroundLink); }
.infra-pane :focus-visible { outline: 2px solid var(--colorStrokeFocus2); outline-offset: 1px; }
.infra-pane .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.status-line { min-height: 1.4em; color: var(--colorNeutralForeground2); font-size: var(--fontSizeBase200); }
.busy-bar { height: 2px; margin: var(--spacingVerticalXS) 0; }
.busy-bar[hidden] { display: block; visibility: hidden; }
.message {
  border: var(--strokeWidthThin) solid; border-radius: var(--borderRadiusMedium);
  padding: var(--spacingVerticalS) var(--spacingHorizontalM); margin: var(--spacingVerticalS) 0;
}
.message:empty { display: none; }
.message.error { background: var(--colorStatusDangerBackground1); border-color: var(--colorStatusDangerBorder1); color: var(--colorNeutralForeground1); }
.message.warning { background: var(--colorStatusWarningBackground1); border-color: var(--colorStatusWarningBorder1); }
.message ul { margin: var(--spacingVerticalXS) 0; padding-left: 1.2em; }
.actions { display: flex; flex-wrap: wrap; gap: var(--spacingHorizontalS); margin: var(--spacingVerticalS) 0; }

.set-list { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--spacingVerticalS); }
.set-card {
  background: var(--colorNeutralBackground2); border: var(--strokeWidthThin) solid var(--colorNeutralStroke2);
  border-radius: var(--borderRadiusMedium); padding: var(--spacingVerticalS) var(--spacingHorizontalM);
}
.set-card.active { border-color: var(--colorBrandStroke1); box-shadow: var(--shadow4); }
.set-card header { display: flex; align-items: baseline; gap: var(--spacingHorizontalS); flex-wrap: wrap; }
.figures { display: grid; grid-template-columns: 1fr auto; gap: 2px var(--spacingHorizontalM); margin: var(--spacingVerticalS) 0 0; }
.figures dt { color: var(--colorNeutralForeground2); }
.figures dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: var(--fontWeightSemibold); }

details.group { border-top: var(--strokeWidthThin) solid var(--colorNeutralStroke2); padding: var(--spacingVerticalS) 0; }
details.group > summary { cursor: pointer; font-weight: var(--fontWeightSemibold); }
.param { padding: var(--spacingVerticalS) 0; border-bottom: var(--strokeWidthThin) solid var(--colorNeutralStroke3, var(--colorNeutralStroke2)); }
.param:last-child { border-bottom: none; }
.param-head { display: flex; align-items: center; gap: var(--spacingHorizontalS); flex-wrap: wrap; }
.param-head h3 { flex: 1 1 12em; }
.inputs { display: grid; grid-template-columns: repeat(auto-fill, minmax(5.5em, 1fr)); gap: var(--spacingVerticalXS) var(--spacingHorizontalS); margin-top: var(--spacingVerticalXS); }
.inputs.scalar { grid-template-columns: minmax(7em, 12em); }
.inputs.shares { grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr)); }
.field { display: flex; flex-direction: column; gap: 2px; }
.field.invalid { grid-column: 1 / -1; max-width: 24em; }
.field label { font-size: var(--fontSizeBase200); color: var(--colorNeutralForeground2); }
.field input {
  font: inherit; font-variant-numeric: tabular-nums; width: 100%; min-width: 0;
  background: var(--colorNeutralBackground1); color: var(--colorNeutralForeground1);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  border-bottom-color: var(--colorNeutralStrokeAccessible);
  border-radius: var(--borderRadiusMedium); padding: 3px var(--spacingHorizontalS);
}
.field input:focus-visible { outline: none; border-bottom: 2px solid var(--colorCompoundBrandStroke, var(--colorBrandStroke1)); }
.field.changed input { background: var(--colorBrandBackground2); border-color: var(--colorBrandStroke1); }
.field.invalid input { border-color: var(--colorStatusDangerBorder2, var(--colorStatusDangerBorder1)); }
.field .error, .param .error { color: var(--colorStatusDangerForeground1); font-size: var(--fontSizeBase200); }
.sources { margin-top: var(--spacingVerticalXS); font-size: var(--fontSizeBase200); }
.sources summary { cursor: pointer; color: var(--colorNeutralForeground2); }
.diff { width: 100%; border-collapse: collapse; font-size: var(--fontSizeBase200); margin: var(--spacingVerticalS) 0; }
.diff th, .diff td { text-align: left; padding: 2px var(--spacingHorizontalXS); border-bottom: 1px solid var(--colorNeutralStroke2); vertical-align: top; }
.diff td:nth-child(2), .diff td:nth-child(3) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sources ul { margin: var(--spacingVerticalXS) 0; padding-left: 1.2em; }
.sources .note { color: var(--colorNeutralForeground2); }
.confirm { display: flex; flex-direction: column; gap: var(--spacingVerticalS); }
`;

let sheet: CSSStyleSheet | null = null;

/** Adds the pane's stylesheet to the document once. */
export function installStyles(doc: Document = document): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

'use client';
import { yaml } from '@codemirror/lang-yaml';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { useTheme } from '../theme/theme';

/**
 * A YAML editor (CodeMirror): line numbers, folding, search, bracket matching; dark when the page is.
 * Shared by every create/edit page (workflows, templates, cron workflows).
 */
export function YamlEditor({ value, onChange, label, readOnly, height = '100%' }: {
  value: string;
  onChange?: (value: string) => void;
  label: string;
  readOnly?: boolean;
  height?: string;
}) {
  const { dark } = useTheme();
  // The editable area itself carries the label, so screen readers announce what is being edited.
  const extensions = useMemo(() => [yaml(), EditorView.contentAttributes.of({ 'aria-label': label })], [label]);
  return (
    <div className="h-full overflow-hidden rounded-lg ring-1 ring-slate-200 dark:ring-slate-700">
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        theme={dark ? 'dark' : 'light'}
        readOnly={readOnly}
        height={height}
        basicSetup={{ foldGutter: true, highlightActiveLine: !readOnly }}
        className="h-full text-[13px]"
      />
    </div>
  );
}

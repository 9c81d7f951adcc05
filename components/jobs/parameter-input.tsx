'use client';
import type { ParameterField } from '@/lib/build-form';

const inputClass = 'w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200';

/** One parameter's editor: a select, a switch, a line or a text area, chosen by `field.kind`. */
export function ParameterInput({ field, value, error, onChange }: {
  field: ParameterField;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = `param-${field.name}`;
  const helpId = `${id}-help`;
  const changed = value !== field.initial;
  const described = { 'aria-describedby': helpId, 'aria-invalid': error ? true : undefined } as const;
  // A value with a line break (from a rebuild or a link) keeps its lines: a one-line input would join them.
  const kind = field.kind === 'text' && value.includes('\n') ? 'multiline' : field.kind;
  let control;
  switch (kind) {
    case 'toggle':
      control = (
        <button
          id={id}
          type="button"
          role="switch"
          aria-checked={value === 'true'}
          onClick={() => onChange(value === 'true' ? 'false' : 'true')}
          {...described}
          className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors ${value === 'true' ? 'bg-blue-600' : 'bg-slate-300'}`}
        >
          <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${value === 'true' ? 'translate-x-5' : 'translate-x-0.5'}`} />
        </button>
      );
      control = <div className="flex items-center gap-2 pt-1">{control}<span className="font-mono text-xs text-slate-600">{value}</span></div>;
      break;
    case 'select':
      control = (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} {...described}>
          {/* A value from a URL or an old build that is no longer allowed stays visible, so validation can name it. */}
          {field.options!.includes(value) ? null : <option value={value}>{value || '(empty)'}</option>}
          {field.options!.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      );
      break;
    case 'multiline':
      control = (
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} rows={Math.min(12, Math.max(3, value.split('\n').length + 1))}
          className={`${inputClass} font-mono`} spellCheck={false} {...described} />
      );
      break;
    default:
      control = <input id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} className={inputClass} spellCheck={false} {...described} />;
  }
  return (
    <div className="grid gap-x-6 gap-y-1 py-3 sm:grid-cols-[14rem_1fr]">
      <div className="pt-1.5">
        <label htmlFor={id} className="font-mono text-sm font-medium text-slate-800">
          {field.name}
          {field.required ? <span className="ml-0.5 text-rose-600" title="required">*</span> : null}
        </label>
        {changed ? (
          <button type="button" onClick={() => onChange(field.initial)} className="ml-2 text-xs text-blue-700 hover:underline" title={`Reset to ${field.initial || '(empty)'}`}>
            reset
          </button>
        ) : null}
      </div>
      <div className="min-w-0">
        {control}
        <p id={helpId} className={`mt-1 text-xs ${error ? 'text-rose-700' : 'text-slate-500'}`}>
          {error ?? [field.help, field.source ? `Value from ${field.source}.` : '', changed ? `Template default: ${field.initial || '(empty)'}` : ''].filter(Boolean).join(' · ')}
        </p>
      </div>
    </div>
  );
}

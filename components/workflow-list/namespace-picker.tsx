'use client';
import { useState } from 'react';

/** The namespace shown; type another and press Enter (Argo's UI works the same: namespaces are not listed). */
export function NamespacePicker({ namespace, onChange }: { namespace: string; onChange: (namespace: string) => void }) {
  const [value, setValue] = useState(namespace);
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (value.trim() && value.trim() !== namespace) onChange(value.trim()); }} className="inline-flex items-center gap-1.5">
      <label htmlFor="namespace-picker">namespace</label>
      <input
        id="namespace-picker"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => { if (value.trim() && value.trim() !== namespace) onChange(value.trim()); }}
        className="w-32 rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      />
    </form>
  );
}

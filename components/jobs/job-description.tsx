import Markdown from 'react-markdown';

/** A job's description annotation as markdown; raw HTML in it is not rendered (react-markdown's default). */
export function JobDescription({ text }: { text: string }) {
  return (
    <div className="max-w-3xl space-y-2 text-sm leading-relaxed text-slate-700 [&_a]:text-blue-700 [&_a:hover]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:text-[0.85em] [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <Markdown>{text}</Markdown>
    </div>
  );
}

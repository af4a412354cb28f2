// Plain text from editors: blank lines separate paragraphs, single newlines are line breaks,
// lines starting with "- " become a list, "# " a heading. No HTML is ever interpreted.
import { Fragment } from 'react';

export function Paragraphs({ text }: { text: string }) {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        const key = `${i}-${block.slice(0, 12)}`;
        if (lines.every((l) => /^[-*•] /.test(l))) {
          return (
            <ul key={key}>
              {lines.map((l, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered.
                <li key={`${j}-${l}`}>{l.replace(/^[-*•] /, '')}</li>
              ))}
            </ul>
          );
        }
        if (lines.length === 1 && /^#{1,3} /.test(block)) return <h2 key={key}>{block.replace(/^#{1,3} /, '')}</h2>;
        return (
          <p key={key}>
            {lines.map((l, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static text, never reordered.
              <Fragment key={`${j}-${l}`}>
                {j > 0 && <br />}
                {l}
              </Fragment>
            ))}
          </p>
        );
      })}
    </>
  );
}

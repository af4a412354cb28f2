// Accessible tabs (WAI-ARIA pattern): arrow keys move between tabs, the panel is labelled by its tab.
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

export function Tabs<K extends string>(props: { label: string; tabs: Array<{ key: K; label: ReactNode }>; active: K; onChange: (key: K) => void; children: ReactNode }) {
  const base = useId();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const index = props.tabs.findIndex((tab) => tab.key === props.active);
  const onKey = (e: KeyboardEvent) => {
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % props.tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + props.tabs.length) % props.tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = props.tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    props.onChange(props.tabs[next]!.key);
    refs.current[next]?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label} className="tablist">
        {props.tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.key}`}
            aria-selected={tab.key === props.active}
            aria-controls={`${base}-panel`}
            tabIndex={tab.key === props.active ? 0 : -1}
            onClick={() => props.onChange(tab.key)}
            onKeyDown={onKey}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${props.active}`} className="tabpanel">
        {props.children}
      </div>
    </div>
  );
}

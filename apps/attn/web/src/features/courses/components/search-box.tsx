// A filter box whose words live in the URL (?q=), so a filtered list can be bookmarked and the
// Back button undoes nothing unexpected (each keystroke replaces the entry). Matching is the
// Turkish-aware matchesSearch.
import { useId } from 'react';
import { useLocation, useSearch } from 'wouter';

export function useSearchParam(name = 'q'): [string, (value: string) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const value = new URLSearchParams(search).get(name) ?? '';
  const set = (next: string) => {
    const params = new URLSearchParams(search);
    if (next) params.set(name, next);
    else params.delete(name);
    const query = params.toString();
    navigate(query ? `${location}?${query}` : location, { replace: true });
  };
  return [value, set];
}

export function SearchBox(props: {
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div className="field search-box">
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      {props.hint && (
        <div id={`${id}-hint`} className="field__hint">
          {props.hint}
        </div>
      )}
      <input
        id={id}
        type="search"
        className="input"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

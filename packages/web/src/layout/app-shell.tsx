// The frame of every page: a skip link, a header with the app's name, its navigation and the
// language switch, and the main landmark. On each navigation the new page's heading takes the
// focus, so a screen reader announces where the person has arrived (a single-page app does not
// reload, so nothing else would tell them). On a phone, a navigation of more than a few links
// folds behind a "Menu" button (a disclosure), so the page starts in the first screen; the
// language switch and the tools stay in sight.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';

export interface NavItem {
  href: string;
  label: string;
}

/** How many links show on a phone without the menu button. */
const FOLD_AFTER = 3;

export function AppShell(props: {
  appName: string;
  homeHref: string;
  skipLabel: string;
  navLabel: string;
  nav: NavItem[];
  /** The button that shows the navigation on a phone; without it the links always show. */
  menuLabel?: string;
  /** Right of the navigation: the language switch, the user and a logout button. */
  tools?: ReactNode;
  children: ReactNode;
}) {
  const [location] = useLocation();
  // The menu is open on the page where it was opened: a link followed (even to this page) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === location;
  const navId = useId();
  const folds = props.menuLabel !== undefined && props.nav.length > FOLD_AFTER;
  return (
    <>
      <a className="skip-link" href="#main">
        {props.skipLabel}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link href={props.homeHref} className="app-name">
            {props.appName}
          </Link>
          {folds && (
            <button
              type="button"
              className="app-menu-button"
              aria-expanded={open}
              aria-controls={navId}
              onClick={() => setOpenOn(open ? null : location)}
            >
              {props.menuLabel}
            </button>
          )}
          {props.nav.length > 0 && (
            <nav
              id={navId}
              aria-label={props.navLabel}
              className={folds ? `app-nav-fold${open ? ' app-nav-fold--open' : ''}` : undefined}
            >
              <ul className="app-nav">
                {props.nav.map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={location === item.href ? 'page' : undefined}
                      onClick={() => setOpenOn(null)}
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="app-tools">{props.tools}</div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}

/**
 * A page's title: sets document.title and renders the h1, which receives the focus when the
 * page is reached by navigation (not on the first load, where the browser starts at the top).
 */
let navigated = false;
export function PageTitle(props: {
  title: string;
  appName: string;
  children?: ReactNode;
  className?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · ${props.appName}`;
  }, [props.title, props.appName]);
  useEffect(() => {
    if (navigated) heading.current?.focus({ preventScroll: false });
    navigated = true;
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} className={props.className}>
      {props.children ?? props.title}
    </h1>
  );
}

/** A polite status message for screen readers (and everyone): loading, saved, counts. */
export function Status(props: { children: ReactNode; className?: string }) {
  return (
    <p role="status" className={props.className}>
      {props.children}
    </p>
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import SearchPage from '@theme-original/SearchPage';
import Layout from '@theme/Layout';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useHistory } from '@docusaurus/router';
// Route is react-router's public API (Docusaurus's own router, which @docusaurus/router re-exports in part).
import { Route } from 'react-router-dom';
import styles from './styles.module.css';

/**
 * The search plugin's page (@easyops-cn/docusaurus-search-local), given an address it can rely on.
 *
 * The plugin's page keeps its query in its own state and writes it to the address (`?q=`) on every
 * change; it also copies the address back into its state whenever the address changes. Two things
 * make that lose the reader's query:
 * - While the page hydrates, it cannot read the address yet (`useIsBrowser()` is still false), so
 *   its first write sets an empty query: `/search?q=cursor` became `/search`, and a reload or a shared
 *   link showed nothing. So it is mounted only once the page runs in the browser, reading the
 *   address on its first render.
 * - Docusaurus hands a new address to the page only once it has preloaded the route (a promise, for
 *   every change, even of the query alone), so the address read back lagged the typing, and each
 *   late copy wiped the letters typed since. So the plugin's page sees the address it was opened
 *   with (its own writes still go to the real one); a link to the search page followed from it
 *   (a push, not the page's own replace) opens it afresh.
 *
 * Until then the server's HTML is a plain form that works without scripts.
 */
export default function SearchPageWithAddress(): ReactNode {
  const isBrowser = useIsBrowser();
  const history = useHistory();
  const [opened, setOpened] = useState(() => history.location);
  useEffect(
    () =>
      history.listen((location, action) => {
        if (action !== 'REPLACE') setOpened(location);
      }),
    [history],
  );
  if (!isBrowser) return <SearchForm />;
  return <Route key={opened.key} location={opened} render={() => <SearchPage />} />;
}

/** What the server renders: the same heading and box, a form that reloads the page with `?q=`. */
function SearchForm(): ReactNode {
  return (
    <Layout title="Search the book">
      <div className="container margin-vert--lg">
        <h1>Search the book</h1>
        <form method="get" role="search">
          <input type="search" name="q" aria-label="Search" className={styles.query} autoComplete="off" />
        </form>
      </div>
    </Layout>
  );
}

import { memo, useMemo, type ReactNode } from 'react';
import clsx from 'clsx';
import { NavbarSecondaryMenuFiller, ThemeClassNames } from '@docusaurus/theme-common';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import DocSidebarItems from '@theme/DocSidebarItems';
import type { Props } from '@theme/DocSidebar/Mobile';

type Menu = Pick<Props, 'sidebar' | 'path'>;

/** The book's table of contents in the phone-sized menu, as Docusaurus draws it. */
function SecondaryMenu({ menu }: { menu: Menu }): ReactNode {
  const mobileSidebar = useNavbarMobileSidebar();
  return (
    <ul className={clsx(ThemeClassNames.docs.docSidebarMenu, 'menu__list')}>
      <DocSidebarItems
        items={menu.sidebar}
        activePath={menu.path}
        onItemClick={(item) => {
          // Following a link closes the menu (a category without a page of its own only unfolds).
          if (item.type === 'link' || (item.type === 'category' && item.href)) mobileSidebar.toggle();
        }}
        level={1}
      />
    </ul>
  );
}

/**
 * Docusaurus's DocSidebar/Mobile, with its props handed over as one. The filler compares props
 * after sorting their names with `localeCompare`, and a page's first `localeCompare` builds the
 * browser's collator for the reader's language: 25 ms measured on a desktop CPU, several times that
 * on a phone, right after the page hydrates, and nothing else on the page needs it. Sorting a
 * single name never compares.
 */
function DocSidebarMobile({ sidebar, path }: Props): ReactNode {
  const menu = useMemo(() => ({ sidebar, path }), [sidebar, path]);
  return <NavbarSecondaryMenuFiller component={SecondaryMenu} props={{ menu }} />;
}

export default memo(DocSidebarMobile);

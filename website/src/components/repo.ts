import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

/** Where the book's repository lives; set once, in docusaurus.config.ts (customFields.repo). */
export interface RepoInfo {
  /** https://github.com/OWNER/NAME */
  url: string;
  /** OWNER/NAME */
  slug: string;
  branch: string;
}

export function useRepo(): RepoInfo {
  const { siteConfig } = useDocusaurusContext();
  return siteConfig.customFields!.repo as RepoInfo;
}

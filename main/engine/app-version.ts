// Shelfwatch's version, where the program names itself to others (the user agent it reads the partner's pages
// with). A test keeps it equal to package.json's, which the bundles do not read at run time.
export const SHELFWATCH_VERSION = '0.1.0';

export const PAGE_READER_USER_AGENT = `Shelfwatch/${SHELFWATCH_VERSION}`;
/** The name robots.txt groups address it by (`User-agent: Shelfwatch`). */
export const ROBOTS_AGENT = 'Shelfwatch';

import MarkdownIt from 'markdown-it';

// markdown-it's own readers of entities, escapes and link destinations, so that inline text is
// read as markdown-it reads it. They keep no state: any instance's will do.
const md = new MarkdownIt();

export const unescapeAll: (text: string) => string = md.utils.unescapeAll;
export const linkHelpers = md.helpers;

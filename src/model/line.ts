const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]+/g;

/** A one-line text (a title, a place) as it is stored: control characters, newlines included, become spaces; trimmed. */
export const toLine = (raw: string) => raw.replace(CONTROL_IN_LINE, ' ').trim();

// What the command line hands to a subcommand or to the interactive reader: arguments, flags, streams,
// the environment, and the library and comment log (opened on first use). Neutral: commands and ui use it.
import type {Library} from './core/library.js';
import type {CommentLog} from './store/comments.js';

/** Process exit codes: 0 done, 1 something failed, 2 the command line was wrong. */
export const exitCode = {ok: 0, failure: 1, usage: 2} as const;

/** One of the exit codes. */
export type ExitCode = (typeof exitCode)[keyof typeof exitCode];

/** Where a command writes: process.stdout or stderr, or a test's collector. */
export type Output = {
	/** Text, or UTF-8 bytes (`list --json` writes the index's without making them a string). */
	write(text: string | Uint8Array): unknown;
	/** True when the stream is a terminal (colour and width apply). @default false */
	isTTY?: boolean;
	/** The terminal's width, when it is one. */
	columns?: number;
};

/** The command-line flags, as every command sees them. */
export type CommandFlags = {
	/** `list`: only this section (any letter case); `import`: put the articles in it. */
	section?: string;
	/** `sections`, `list`, `comments`: machine-readable output. @default false */
	json: boolean;
	/** `list`: only the articles not read yet. @default false */
	unread?: boolean;
	/** `read`: wrap to this many columns (default: the terminal's width, or 80). */
	width?: number;
	/** `comments`: include the commenters' email addresses. @default false */
	withEmail: boolean;
	/** `comments add`: the commenter's name. */
	name?: string;
	/** `comments add`: the commenter's email address. */
	email?: string;
	/** `comments add`: the comment's text (read from standard input when absent). */
	text?: string;
	/** `comments`: only this article's comments. */
	article?: string;
	/** `comments`: export as Markdown. @default false */
	markdown: boolean;
	/** `refresh`: print each feed's report as one line of JSON as soon as it is done. @default false */
	jsonLines: boolean;
	/** `feeds add`: when to fetch each article's page for its full text (`auto`, `always`, `never`). */
	fullText?: string;
	/** `feeds settings`: refresh every feed when the reader starts (`yes`, `no`). */
	refreshOnStart?: string;
	/** `feeds settings`: minutes between refreshes while the reader is open (`0`: never). */
	refreshEvery?: string;
	/** `feeds settings`, `feeds add`: keep at most this many articles per feed (`0`: no limit). */
	keep?: string;
	/** `feeds settings`, `feeds add`: keep the articles of the last this many days (`0`: no limit). */
	keepDays?: string;
};

/** Everything a subcommand or the reader is given. */
export type CommandContext = {
	/** The arguments after the command's name. */
	args: string[];
	flags: CommandFlags;
	stdout: Output;
	stderr: Output;
	/** Standard input, read to its end by `comments add` when there is no --text. */
	stdin: AsyncIterable<string | Uint8Array>;
	/** Whether standard input is a terminal (then there is no piped comment text to read). */
	stdinIsTTY: boolean;
	env: Record<string, string | undefined>;
	/** The article library (loaded on first use). */
	library: () => Library;
	/** Loads the library again from its folders (feed articles arrived), and keeps it as `library()`. */
	reloadLibrary: () => Library;
	/**
	 * The library as the article index last saw it, without looking at the files (the reader's first
	 * frame; a folder never indexed is indexed first). `checkLibrary` then brings it up to date.
	 */
	indexedLibrary: () => Library;
	/** Checks the files against the index between keys; the library again (kept as `library()`) when something changed. */
	checkLibrary: () => Promise<Library | undefined>;
	/** The comment log (opened on first use). */
	comments: () => CommentLog;
	/** Folder where `import` writes new articles. */
	userArticlesDir: string;
	/** Folder of the reading-state file, read (never written) by `sections` and `list` for the read marks. */
	stateDir: string;
	/** The clock (the date of imported articles). */
	now(): Date;
};

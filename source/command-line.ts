// The command line as a function: parses the arguments (meow), builds the context, then runs a subcommand
// or the reader. cli.tsx calls it with the process's streams; tests call it with their own.
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {type CommandContext, exitCode, type Output} from './context.js';
import {type Command, messageOutput} from './commands/context.js';
import type {Library, LibraryFolder} from './core/library.js';
import {type LibraryIndex, openLibraryIndex} from './index/library-index.js';
import {type CommentLog, openCommentLog} from './store/comments.js';
import {visibleControls} from './core/sanitize.js';
import {bundledArticlesDir, commentsFile, feedArticlesFolder, libraryIndexFile, stateDir, userArticlesDir} from './store/paths.js';

const helpText = `
	Usage
	  $ newsread                     the full-screen reader
	  $ newsread sections            sections and their article counts
	  $ newsread list                headlines, newest first
	  $ newsread read <id>           print one article
	  $ newsread import <file...>    import saved pages (plain-text captures; - for standard input)
	  $ newsread doctor              list article files that could not be loaded
	  $ newsread comments            export comments (--json, --markdown; --with-email adds emails)
	  $ newsread comments add <id>   write a comment: --name, --email, and --text or standard input
	  $ newsread feeds               the feeds you subscribe to (--json)
	  $ newsread feeds add <url>     subscribe to a feed, or to the feed a web page names
	  $ newsread feeds remove <url>  unsubscribe (the stored articles are kept)
	  $ newsread feeds import <file> subscribe to the feeds of an OPML file
	  $ newsread feeds export        the subscriptions as OPML
	  $ newsread feeds settings      the feed settings (--json); change them with the flags below
	  $ newsread refresh [url...]    fetch the feeds and store their new articles (--json)

	Options
	  --articles DIR    also read articles from DIR (repeatable)
	  --section NAME    list: only this section; import, feeds add: put the articles in it
	  --full-text WHEN  feeds add: fetch each article's page: auto (teasers), always, never
	  --keep N          feeds settings, feeds add: keep the newest N articles per feed (0: all)
	  --keep-days N     feeds settings, feeds add: keep N days of articles per feed (0: all)
	  --refresh-on-start yes|no   feeds settings: refresh the feeds when the reader starts
	  --refresh-every MINUTES     feeds settings: refresh while the reader is open (0: never)
	  --json            sections, list, feeds, refresh: machine-readable output
	  --json-lines      refresh: one line of JSON per feed as soon as it is done
	  --width N         read: wrap to N columns (default: the terminal's width, or 80)
	  --article ID      comments: only this article's
	  --markdown        comments: export as Markdown
	  --with-email      comments: include the commenters' email addresses
	  --name, --email, --text   comments add: the comment's fields
	  -h, --help        show this help
	  -v, --version     show the version

	Environment
	  NEWSREAD_HOME     keep everything newsread writes in this folder
	  NO_COLOR          print without colour

	Examples
	  $ newsread list --section World
	  $ newsread read world/harbour-vote --width 72 | less -R
	  $ newsread import ~/saved/page.txt --section Science
`;

// Loaded on demand: the bundle evaluates a command's modules (and the reader's Ink) only when it runs.
const commands: Record<string, () => Promise<Command>> = {
	sections: async () => (await import('./commands/sections.js')).sectionsCommand,
	list: async () => (await import('./commands/list.js')).listCommand,
	read: async () => (await import('./commands/read.js')).readCommand,
	import: async () => (await import('./commands/import.js')).importCommand,
	doctor: async () => (await import('./commands/doctor.js')).doctorCommand,
	comments: async () => (await import('./commands/comments.js')).commentsCommand,
	feeds: async () => (await import('./commands/feeds.js')).feedsCommand,
	refresh: async () => (await import('./commands/refresh.js')).refreshCommand,
};

/** What the command line runs with: the process's arguments, streams and environment, or a test's. */
export type CommandLineIO = {
	/** The arguments after the program's name. */
	argv: string[];
	stdout: Output;
	stderr: Output;
	/** Standard input; `isTTY` true when it is a terminal. */
	stdin: AsyncIterable<string | Uint8Array> & {isTTY?: boolean};
	env: Record<string, string | undefined>;
};

/**
 * Runs `newsread` with these arguments and returns the exit code. An unexpected error is reported on
 * stderr (exit 1). `-h`/`--help` and `-v`/`--version` anywhere print and return 0; an unknown flag ends
 * the process from meow (exit 2), as a CLI does.
 */
export async function runCommandLine(io: CommandLineIO): Promise<number> {
	const stderr = messageOutput(io.stderr);
	const hostileFlag = flagWithControlCharacter(io.argv);
	if (hostileFlag !== undefined) {
		// meow would echo it as typed; no known flag has a control character in its name.
		stderr.write(`Unknown flag\n${visibleControls(hostileFlag)}\n`);
		return exitCode.usage;
	}

	let close = () => {};
	try {
		const parsed = parseCommandLine(io);
		const {name, context, show} = parsed;
		close = parsed.close;
		if (show !== undefined) {
			io.stdout.write(`${show}\n`);
			return exitCode.ok;
		}

		if (name === undefined) {
			const {runReader} = await import('./ui/run-reader.js');
			return await runReader(context);
		}

		const loadCommand = commands[name];
		if (!loadCommand) {
			stderr.write(`newsread: unknown command "${visibleControls(name)}". Run "newsread --help" for the commands.\n`);
			return exitCode.usage;
		}

		const command = await loadCommand();
		return await command(context);
	} catch (error) {
		stderr.write(`newsread: ${(error as Error).message}\n`);
		return exitCode.failure;
	} finally {
		// Closing folds the index's write-ahead log back into it: no -wal file is left beside it.
		close();
	}
}

/** The first flag (before `--`) whose name has a control character in it. */
function flagWithControlCharacter(argv: readonly string[]): string | undefined {
	const separator = argv.indexOf('--');
	return argv.slice(0, separator === -1 ? undefined : separator).find(argument => {
		const name = argument.split('=')[0] ?? '';
		return name.startsWith('-') && visibleControls(name) !== name;
	});
}

/**
 * The command's name (undefined for the reader) and the context it runs with; `show` is the help or the
 * version text when `-h`/`--help` or `-v`/`--version` was given (then nothing is run); `close` closes the article index when the command or the reader is done.
 */
export function parseCommandLine(io: CommandLineIO): {name: string | undefined; context: CommandContext; show?: string; close: () => void} {
	const cli = meow(helpText, {
		importMeta: import.meta,
		// What meow shows of package.json, inlined at build: meow then neither looks for the file nor reads it.
		pkg: {name: packageJson.name, version: packageJson.version, description: packageJson.description, bin: packageJson.bin},
		argv: io.argv,
		allowUnknownFlags: false,
		// meow shows help and version only when they are the only argument, and exits the process to do it.
		autoHelp: false,
		autoVersion: false,
		flags: {
			help: {type: 'boolean', shortFlag: 'h'},
			version: {type: 'boolean', shortFlag: 'v'},
			articles: {type: 'string', isMultiple: true},
			section: {type: 'string'},
			json: {type: 'boolean', default: false},
			unread: {type: 'boolean', default: false},
			jsonLines: {type: 'boolean', default: false},
			width: {type: 'number'},
			article: {type: 'string'},
			markdown: {type: 'boolean', default: false},
			withEmail: {type: 'boolean', default: false},
			name: {type: 'string'},
			email: {type: 'string'},
			text: {type: 'string'},
			fullText: {type: 'string'},
			refreshOnStart: {type: 'string'},
			refreshEvery: {type: 'string'},
			keep: {type: 'string'},
			keepDays: {type: 'string'},
		},
	});
	const {articles, help, version, ...flags} = cli.flags;
	const [name, ...args] = cli.input;
	const folders: LibraryFolder[] = [
		{path: bundledArticlesDir()},
		...(articles ?? []).map(folder => ({path: folder})),
		{path: userArticlesDir(io.env), required: false},
		{path: feedArticlesFolder(io.env), required: false},
	];
	let library: Library | undefined;
	let index: LibraryIndex | undefined;
	const libraryIndex = () => (index ??= openLibraryIndex(folders, {file: libraryIndexFile(io.env), onFirstIndex: () => firstIndexNotice(io.stderr)}));
	// Commands answer with the files as they are: the index is brought up to date (a stat of every file) first.
	const syncedLibrary = () => {
		libraryIndex().sync();
		return libraryIndex().library();
	};

	let comments: CommentLog | undefined;
	const context: CommandContext = {
		args,
		flags,
		stdout: io.stdout,
		// Messages echo what the user typed and system errors name paths: no control character gets through.
		stderr: messageOutput(io.stderr),
		stdin: io.stdin,
		stdinIsTTY: Boolean(io.stdin.isTTY),
		env: io.env,
		library: () => (library ??= syncedLibrary()),
		reloadLibrary: () => (library = syncedLibrary()),
		indexedLibrary: () => (library ??= libraryIndex().library()),
		async checkLibrary() {
			const checked = await libraryIndex().check();
			library = checked ?? library;
			return checked;
		},
		comments: () => (comments ??= openCommentLog({file: commentsFile(io.env)})),
		userArticlesDir: userArticlesDir(io.env),
		stateDir: stateDir(io.env),
		now: () => new Date(),
	};
	const show = help ? cli.help.replace(/\n+$/, '') : (version ? packageJson.version : undefined);
	return {name, context, show, close: () => index?.close()};
}

/**
 * While a folder never seen is indexed (seconds at tens of thousands of articles, once), a terminal
 * says so on stderr instead of showing nothing; the line is erased when it is done. Not into a pipe or
 * a log: scripts and cron get only what they asked for.
 */
function firstIndexNotice(stderr: Output): () => void {
	if (!stderr.isTTY) {
		return () => {};
	}

	// One line, so that erasing it leaves nothing: cut to the terminal's width.
	const notice = 'newsread: indexing the articles, once for each new folder...';
	stderr.write(notice.slice(0, Math.max(0, (stderr.columns ?? notice.length + 1) - 1)));
	return () => stderr.write('\r\u001B[2K');
}

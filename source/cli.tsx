// Entry point: parses the command line (meow), builds the library, then runs a subcommand or the reader.
import process from 'node:process';
import meow from 'meow';
import {type CommandContext, type Command, exitCode} from './commands/context.js';
import {type Library, type LibraryFolder, loadLibrary} from './core/library.js';
import {type CommentLog, openCommentLog} from './store/comments.js';
import {bundledArticlesDir, commentsFile, userArticlesDir} from './store/paths.js';

const helpText = `
	Usage
	  $ newsread                     the full-screen reader
	  $ newsread sections            sections and their article counts
	  $ newsread list                headlines, newest first
	  $ newsread read <id>           print one article
	  $ newsread import <file...>    import saved pages (plain-text captures)
	  $ newsread doctor              list article files that could not be loaded
	  $ newsread comments            export comments (--json, --markdown; --with-email adds emails)
	  $ newsread comments add <id>   write a comment: --name, --email, and --text or standard input

	Options
	  --articles DIR    also read articles from DIR (repeatable)
	  --section NAME    list: only this section; import: put the articles in it
	  --json            sections, list: machine-readable output
	  --width N         read: wrap to N columns (default: the terminal's width, or 80)
	  --article ID      comments: only this article's
	  --markdown        comments: export as Markdown
	  --with-email      comments: include the commenters' email addresses
	  --name, --email, --text   comments add: the comment's fields
	  --help            show this help
	  --version         show the version

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
};

const cli = meow(helpText, {
	importMeta: import.meta,
	allowUnknownFlags: false,
	flags: {
		articles: {type: 'string', isMultiple: true},
		section: {type: 'string'},
		json: {type: 'boolean', default: false},
		width: {type: 'number'},
		article: {type: 'string'},
		markdown: {type: 'boolean', default: false},
		withEmail: {type: 'boolean', default: false},
		name: {type: 'string'},
		email: {type: 'string'},
		text: {type: 'string'},
	},
});

async function main(): Promise<number> {
	const [name, ...args] = cli.input;
	const context = createContext(args);
	if (name === undefined) {
		const {runReader} = await import('./ui/run-reader.js');
		return runReader(context);
	}

	const loadCommand = commands[name];
	if (!loadCommand) {
		process.stderr.write(`newsread: unknown command "${name}". Run "newsread --help" for the commands.\n`);
		return exitCode.usage;
	}

	const command = await loadCommand();
	return command(context);
}

function createContext(args: string[]): CommandContext {
	const folders: LibraryFolder[] = [
		{path: bundledArticlesDir()},
		...(cli.flags.articles ?? []).map(folder => ({path: folder})),
		{path: userArticlesDir(), required: false},
	];
	let library: Library | undefined;
	let comments: CommentLog | undefined;
	return {
		args,
		flags: {
			section: cli.flags.section,
			json: cli.flags.json,
			width: cli.flags.width,
			withEmail: cli.flags.withEmail,
			markdown: cli.flags.markdown,
			article: cli.flags.article,
			name: cli.flags.name,
			email: cli.flags.email,
			text: cli.flags.text,
		},
		stdout: process.stdout,
		stderr: process.stderr,
		env: process.env,
		library: () => (library ??= loadLibrary(folders)),
		comments: () => (comments ??= openCommentLog({file: commentsFile()})),
		stdinIsTTY: Boolean(process.stdin.isTTY),
		userArticlesDir: userArticlesDir(),
		now: () => new Date(),
	};
}

try {
	process.exitCode = await main();
} catch (error) {
	process.stderr.write(`newsread: ${(error as Error).message}\n`);
	process.exitCode = exitCode.failure;
}

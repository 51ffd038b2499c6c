// Ids as people type them: `read harbour-vote` finds `world/harbour-vote` when it is the only id ending so,
// an ending that several ids share lists them, and a file that failed to load says why.
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {commentsCommand} from '../../source/commands/comments.js';
import {readCommand} from '../../source/commands/read.js';
import {loadLibrary} from '../../source/core/library.js';
import {createMemoryCommentLog} from '../../source/store/comments.js';
import {commandContext, fixtureLibraryDir} from '../helpers/command-context.js';
import {temporaryFolder} from '../helpers/temporary-folder.js';

/** The fixture library and a folder with these files (path -> text). */
function libraryWith(files: Record<string, string>) {
	const folder = temporaryFolder();
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(folder, file)), {recursive: true});
		writeFileSync(path.join(folder, file), text);
	}

	return {folder, library: loadLibrary([{path: fixtureLibraryDir}, {path: folder}])};
}

describe('newsread read <the end of an id>', () => {
	it('opens the one article whose id ends in /harbour-vote', async () => {
		const {context, stdout, stderr} = commandContext({args: ['harbour-vote'], flags: {width: 60}});
		expect(await readCommand(context)).toBe(0);
		expect(stdout.text.split('\n')[0]).toBe('Marrowick harbour council votes to close the old ferry slip');
		expect(stderr.text).toBe('');
	});

	it('does not take an ending that is not after a slash (vote is not harbour-vote)', async () => {
		const {context, stdout, stderr} = commandContext({args: ['vote']});
		expect(await readCommand(context)).toBe(1);
		expect(stdout.text).toBe('');
		expect(stderr.text).toMatch(/^newsread: no article "vote"\./);
	});

	it('lists the ids when several end the same way, and opens none', async () => {
		const {library} = libraryWith({'local/harbour-vote.md': '---\ntitle: Local harbour vote\nsection: Local\n---\n\nBody.\n'});
		const {context, stdout, stderr} = commandContext({args: ['harbour-vote'], library});
		expect(await readCommand(context)).toBe(1);
		expect(stdout.text).toBe('');
		expect(stderr.text).toBe('newsread: "harbour-vote" is the end of several ids; give the whole one:\n  local/harbour-vote\n  world/harbour-vote\n');
	});

	it('says why an article whose file failed to load cannot be read, by its whole id or its end', async () => {
		const {folder, library} = libraryWith({'local/broken-pier.md': '---\ntitle: [unclosed\n---\n\nBody.\n', 'local/empty-page.md': ''});
		for (const typed of ['local/empty-page', 'empty-page']) {
			const {context, stdout, stderr} = commandContext({args: [typed], library});
			expect(await readCommand(context)).toBe(1);
			expect(stdout.text).toBe('');
			expect(stderr.text).toBe(`newsread: "${typed}" could not be loaded: empty file\n  ${path.join(folder, 'local/empty-page.md')}\nRun "newsread doctor" for every file that could not be loaded.\n`);
		}

		const {context, stderr} = commandContext({args: ['local/broken-pier'], library});
		expect(await readCommand(context)).toBe(1);
		expect(stderr.text).toMatch(/^newsread: "local\/broken-pier" could not be loaded: .*frontmatter.*\n {2}.*broken-pier\.md\n/i);
	});
});

describe('newsread comments with the end of an id', () => {
	it('adds a comment to world/harbour-vote given harbour-vote, and exports it with --article harbour-vote', async () => {
		const comments = createMemoryCommentLog();
		const added = commandContext({args: ['add', 'harbour-vote'], flags: {name: 'Ann', email: 'ann@example.org', text: 'Good.'}, comments});
		expect(await commentsCommand(added.context)).toBe(0);
		const exported = commandContext({flags: {json: true, article: 'harbour-vote'}, comments});
		expect(await commentsCommand(exported.context)).toBe(0);
		expect(JSON.parse(exported.stdout.text)).toMatchObject([{articleId: 'world/harbour-vote', name: 'Ann', body: 'Good.'}]);
	});
});

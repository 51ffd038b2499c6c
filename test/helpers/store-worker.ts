// A separate newsread-like process that writes to the stores, for the concurrency tests. It is bundled
// with esbuild by test/e2e/stores-concurrency.test.ts so plain `node` runs it.
//
//   comments <file> <count> <tag>   adds `count` comments (bodies `<tag>-<i>`) through openCommentLog
//   toggle <dir> <count> <tag>      for each `<tag>-<i>`: marks it read, saves it, remembers a position,
//                                   and marks every fifth one unread again, flushing after each change
//   loop-state <dir>                marks new ids read until killed
//   loop-comments <file>            adds comments until killed
//   mark-read <dir> <id>            marks one article read and flushes once: `ack <id>` and exit 0 when
//                                   it was saved, `not-saved <status line>` and exit 3 when not
//   hold-lock <dir>                 takes the state file's lock, prints `holding` and keeps it until killed
//
// Every write that has been acknowledged (the store call returned; for reading state, a flush that
// said everything is saved) is printed as `ack <id>`. Saving that keeps failing for a while is printed
// as `save-problem <message>` and is not fatal: the change stays queued and is tried again; a worker
// fails only when a change could not be saved at all within two minutes. The loops print `ready` once
// their stores are open and start writing when a line arrives on standard input (so a batch of them
// starts up without competing with writers already running); the finite commands print `done` at the end.
import process from 'node:process';
import {openCommentLog} from '../../source/store/comments.js';
import {createReadingState, type ReadingState} from '../../source/store/reading-state.js';
import {StateFile} from '../../source/store/state-file.js';

function say(line: string): void {
	// Synchronous on a pipe on Linux: the parent sees every acknowledgement before a SIGKILL lands.
	process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
	process.stderr.write(`store-worker: ${message}\n`);
	process.exit(1);
}

/** Says "ready" and waits for the go line on standard input. */
async function readyThenWait(): Promise<void> {
	say('ready');
	await new Promise<void>(resolve => {
		process.stdin.once('data', () => {
			process.stdin.pause();
			resolve();
		});
	});
}

function openReadingState(dir: string): ReadingState {
	const file = new StateFile({
		dir,
		onDamaged: message => process.stderr.write(`damaged: ${message}\n`),
		onLockCompromised: error => process.stderr.write(`lock compromised: ${error.message}\n`),
	});
	return createReadingState({
		file,
		onError(message) {
			say(`save-problem ${message}`);
		},
	});
}

/** Longer than any wait for the lock on a machine with every core busy: past it, a change would be lost. */
const saveBudgetMs = 120_000;

/** Writes every pending change, waiting for the lock as long as it takes within the budget. */
async function save(reading: ReadingState): Promise<void> {
	if (!(await reading.flush({retryForMs: saveBudgetMs}))) {
		fail(`${reading.unsavedChanges()} changes not saved within ${saveBudgetMs / 1000} s: ${reading.saveProblem() ?? ''}`);
	}
}

async function toggle(dir: string, count: number, tag: string): Promise<void> {
	const reading = openReadingState(dir);
	for (let index = 0; index < count; index++) {
		const id = `${tag}-${index}`;
		reading.setRead(id, true);
		await save(reading);
		reading.setSaved(id, true);
		await save(reading);
		reading.setPosition(id, {block: index, percent: index % 101});
		await save(reading);
		if (index % 5 === 0) {
			reading.setRead(id, false);
			await save(reading);
		}

		say(`ack ${id}`);
	}
}

function addComments(file: string, count: number, tag: string): void {
	const log = openCommentLog({file});
	for (let index = 0; index < count; index++) {
		const comment = log.add(`${tag}/article`, {name: `Writer ${tag}`, email: `${tag}@example.org`, body: `${tag}-${index}`});
		say(`ack ${comment.id}`);
	}
}

async function loopState(dir: string): Promise<never> {
	const reading = openReadingState(dir);
	await readyThenWait();
	for (let index = 0; ; index++) {
		const id = `loop-${process.pid}-${index}`;
		reading.setRead(id, true);
		reading.setPosition(id, {block: index, percent: 50});
		await save(reading);
		say(`ack ${id}`);
	}
}

async function loopComments(file: string): Promise<never> {
	const log = openCommentLog({file});
	await readyThenWait();
	for (let index = 0; ; index++) {
		// Now and then a long body, so a write is sometimes more than one page.
		const body = `loop-${process.pid}-${index} ${'words '.repeat(index % 50 === 0 ? 1000 : 10)}`;
		const comment = log.add('loop/article', {name: `Looper ${process.pid}`, email: 'loop@example.org', body});
		say(`ack ${comment.id}`);
	}
}

/** One change, one try: what a reader on a full disk (or under a file-size limit) acknowledges, or not. */
async function markReadOnce(dir: string, id: string): Promise<void> {
	const reading = openReadingState(dir);
	reading.setRead(id, true);
	if (await reading.flush()) {
		say(`ack ${id}`);
		return;
	}

	say(`not-saved ${reading.saveProblem() ?? ''}`);
	process.exit(3);
}

/** Holds the lock inside a change that never ends, as a newsread killed while writing does. */
async function holdLock(dir: string): Promise<void> {
	const file = new StateFile({dir});
	await file.update(() => {
		say('holding');
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
	});
}

const [command, target, countText, tag = 'w'] = process.argv.slice(2);
const count = Number(countText);
if (target === undefined) {
	fail('usage: store-worker comments|toggle|loop-state|loop-comments <file or dir> [count tag]');
}

switch (command) {
	case 'comments': {
		addComments(target, count, tag);
		break;
	}

	case 'toggle': {
		await toggle(target, count, tag);
		break;
	}

	case 'loop-state': {
		await loopState(target);
		break;
	}

	case 'loop-comments': {
		await loopComments(target);
		break;
	}

	case 'mark-read': {
		await markReadOnce(target, countText ?? 'world/a');
		break;
	}

	case 'hold-lock': {
		await holdLock(target);
		break;
	}

	default: {
		fail(`unknown command ${command ?? '(none)'}`);
	}
}

say('done');

// Opens the reader's two stores on disk: the reading state (conf) and the comment log.
import {type CommentLog, openCommentLog} from './comments.js';
import {commentsFile, type Environment, stateDir} from './paths.js';
import {createReadingState, type ReadingState} from './reading-state.js';
import {StateFile} from './state-file.js';

export type Stores = {
	reading: ReadingState;
	comments: CommentLog;
	/** Things the user must be told once at start (a damaged state file moved aside). */
	notices: string[];
};

export type OpenStoresOptions = {
	/** Where to find NEWSREAD_HOME and the XDG folders. @default process.env */
	env?: Environment;
	/** Told when saving keeps failing, when the state lock is lost, and of a damaged file found after start. */
	onError?: (message: string) => void;
};

export function openStores({env = process.env, onError}: OpenStoresOptions = {}): Stores {
	const notices: string[] = [];
	let started = false;
	const file = new StateFile({
		dir: stateDir(env),
		// A damaged file is moved aside at start, or at the first change when another newsread held the lock then.
		onDamaged(message) {
			if (started) {
				onError?.(message);
			} else {
				notices.push(message);
			}
		},
		onLockCompromised: error => onError?.(`The reading state lock was lost (${error.message}); changes are still saved.`),
	});
	started = true;
	return {
		reading: createReadingState({file, onError}),
		comments: openCommentLog({file: commentsFile(env)}),
		notices,
	};
}

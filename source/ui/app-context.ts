// What every screen needs: the library, the reading state, navigation, the terminal size, a clock.
import {createContext, useContext, useSyncExternalStore} from 'react';
import type {Library} from '../core/library.js';
import type {CommentLog} from '../store/comments.js';
import type {ReadingState} from '../store/reading-state.js';
import type {FeedRefresher} from './feed-refresher.js';
import type {TerminalSize} from './hooks/use-terminal-size.js';
import type {NavigationAction} from './navigation.js';
import type {PromptHistory} from './prompt-history.js';

export type AppServices = {
	/** The loaded article library. */
	library: Library;
	/** Read marks, positions, saved articles, drafts. */
	reading: ReadingState;
	/** The comment log. */
	comments: CommentLog;
	/** Lets the user edit text in $VISUAL/$EDITOR; resolves to the new text, rejects when there is no editor. */
	editText: (text: string) => Promise<string>;
	/** Sends an action to the navigation reducer. */
	dispatch: (action: NavigationAction) => void;
	/** Rows and columns available to the screen body (the frame's header and status bar excluded). */
	body: Pick<TerminalSize, 'columns' | 'rows'>;
	/** The clock, for relative dates. */
	now: () => Date;
	/** Shows a one-line message in the status bar until the next key. */
	notify: (message: string) => void;
	/** Removes the message (done before each key's action). */
	clearMessage: () => void;
	/** The message to show, if any. */
	message: string | undefined;
	/** Feed work under way, for the status line (`Refreshing feeds 3/10 · 12 new`). */
	progress: string | undefined;
	/** Refreshes feeds and adds new ones in the background. */
	feeds: FeedRefresher;
	/** Opens a URL in the browser; rejects when there is no browser to open. */
	openUrl: (url: string) => Promise<void>;
	/** What was typed into the find and search prompts this session (↑ brings it back). */
	history: PromptHistory;
};

export const AppContext = createContext<AppServices | undefined>(undefined);

/** The reader's services; named apart from Ink's own `useApp` (which exits the app). */
export function useReader(): AppServices {
	const services = useContext(AppContext);
	if (!services) {
		throw new Error('useReader() outside <AppContext>');
	}

	return services;
}

/** Re-renders the caller whenever the reading state changes. */
export function useReadingState(reading: ReadingState): ReadingState {
	useSyncExternalStore(reading.subscribe, reading.version);
	return reading;
}

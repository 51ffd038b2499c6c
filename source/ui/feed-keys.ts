// The feed keys of the lists: r refreshes the section's feeds now, R every feed that is due, a adds one.
import type {FeedRefresher} from './feed-refresher.js';
import type {Action} from './keymap.js';
import type {ListSource, NavigationAction} from './navigation.js';

export type FeedKeyContext = {
	feeds: FeedRefresher;
	dispatch: (action: NavigationAction) => void;
	notify: (message: string) => void;
};

/**
 * Does what a feed key does for a list of `source` (the highlighted entry on the sections screen);
 * false when the action is not a feed key.
 */
export function handleFeedAction(action: Action, source: ListSource | undefined, {feeds, dispatch, notify}: FeedKeyContext): boolean {
	switch (action) {
		case 'refresh-all': {
			feeds.refresh();
			return true;
		}

		case 'add-feed': {
			dispatch({type: 'push', screen: {name: 'add-feed', query: ''}});
			return true;
		}

		case 'refresh': {
			const subscribed = feeds.snapshot().feeds;
			if (source?.kind === 'all') {
				// Every feed, now: the user asked for it by name, as `newsread refresh <url>...` does.
				if (subscribed.length === 0) {
					notify('No feeds yet: press a to add one.');
				} else {
					feeds.refresh(subscribed.map(feed => feed.url));
				}
			} else if (source?.kind === 'section') {
				const urls = subscribed.filter(feed => feed.section === source.name).map(feed => feed.url);
				if (urls.length === 0) {
					notify(`${source.name} has no feeds: R refreshes every feed, a adds one.`);
				} else {
					feeds.refresh(urls);
				}
			} else {
				notify('r refreshes the feeds of a section; R refreshes every feed.');
			}

			return true;
		}

		default: {
			return false;
		}
	}
}

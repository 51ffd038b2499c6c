// Add a feed (a): an address line; Enter subscribes in the background and goes back to the list,
// where the progress shows in the status line and the new section appears when its articles are in.
import {Box, Text} from 'ink';
import {useCallback} from 'react';
import {useReader} from '../app-context.js';
import {Frame} from '../components/Frame.js';
import {TextPrompt} from '../components/TextPrompt.js';
import {glyphs, theme} from '../theme.js';

export type AddFeedScreenProps = {
	/** The address typed so far. */
	query: string;
	/** Only the showing screen takes keys. */
	isActive: boolean;
};

export function AddFeedScreen({query, isActive}: AddFeedScreenProps) {
	const {dispatch, feeds, notify} = useReader();
	const onChange = useCallback((value: string) => dispatch({type: 'set-query', query: value}), [dispatch]);
	const onCancel = useCallback(() => dispatch({type: 'back'}), [dispatch]);
	const onSubmit = useCallback(
		(value: string) => {
			const address = value.trim();
			if (address === '') {
				notify('Type the address of a feed, or of a web page that names one.');
				return;
			}

			dispatch({type: 'back'});
			feeds.add(address);
		},
		[dispatch, feeds, notify],
	);
	return (
		<Frame
			title={`newsread ${glyphs.crumb} Add a feed`}
			status=""
			hints={[]}
			prompt={<TextPrompt label="Feed address: " value={query} onChange={onChange} onSubmit={onSubmit} onCancel={onCancel} isActive={isActive} scope="addFeed" />}
		>
			<Box flexDirection="column">
				<Text>Type or paste the address of a news feed (RSS, Atom or JSON Feed), or of a site&apos;s page: newsread finds the feed the page names.</Text>
				<Text {...theme.dim}>Its articles are fetched in the background and listed in a section named after the feed.</Text>
			</Box>
		</Frame>
	);
}

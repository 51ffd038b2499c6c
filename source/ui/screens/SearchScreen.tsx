// Search (/): a query line; Enter shows the matching articles as a headline list.
import {Text} from 'ink';
import {useCallback} from 'react';
import {useReader} from '../app-context.js';
import {Frame} from '../components/Frame.js';
import {TextPrompt} from '../components/TextPrompt.js';
import {glyphs, theme} from '../theme.js';

export type SearchScreenProps = {
	/** The query typed so far. */
	query: string;
	/** Only the showing screen takes keys. */
	isActive: boolean;
};

export function SearchScreen({query, isActive}: SearchScreenProps) {
	const {dispatch, library} = useReader();
	const onChange = useCallback((value: string) => dispatch({type: 'set-query', query: value}), [dispatch]);
	const onCancel = useCallback(() => dispatch({type: 'back'}), [dispatch]);
	const onSubmit = useCallback(
		(value: string) => {
			if (value.trim() !== '') {
				dispatch({type: 'replace', screen: {name: 'headlines', source: {kind: 'search', query: value.trim()}, cursor: 0}});
			}
		},
		[dispatch],
	);
	return (
		<Frame
			title={`newsread ${glyphs.crumb} Search`}
			aside={`${library.count} articles`}
			status=""
			hints={[]}
			prompt={<TextPrompt label="Search: " value={query} onChange={onChange} onSubmit={onSubmit} onCancel={onCancel} isActive={isActive} scope="search" history="search" />}
		>
			<Text {...theme.dim}>Type words to find in titles, summaries and article text; every word must match.</Text>
		</Frame>
	);
}

// Picks the screen to show from the navigation state.
import {Box, Text, useApp, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import type {Library} from '../core/library.js';

export type AppProps = {
	/** The loaded article library. */
	library: Library;
};

export function App({library}: AppProps) {
	const {exit} = useApp();
	useInput(input => {
		if (input === 'q' || input === 'Q') {
			exit();
		}
	});
	const items = library.sections.map(({name, articles}) => ({key: name, label: `${name} (${articles.length})`, value: name}));
	return (
		<Box flexDirection="column">
			<Text bold>newsread</Text>
			<SelectInput items={items} />
		</Box>
	);
}

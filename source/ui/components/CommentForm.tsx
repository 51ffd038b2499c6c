// The "Leave a reply" form: Comment*, Name*, Email*, the line about the email, and each field's
// message next to its label. The comment may have several lines; Ctrl+E writes it in $EDITOR.
import {Box, Text} from 'ink';
import type {CommentErrors} from '../../store/comments.js';
import type {FormField, FormFocus, FormValues} from '../comment-form-state.js';
import {fitToWidth} from '../text.js';
import {fieldRows, TextField} from './TextField.js';
import {glyphs, theme} from '../theme.js';

export type CommentFormProps = {
	/** What is written in each field. */
	values: FormValues;
	/** The field (and comment line) with the cursor. */
	focus: FormFocus;
	/** Each field's message, shown next to its label. */
	errors: CommentErrors;
	/** Editing an existing comment: only its text can change. */
	editing: boolean;
	/** Whether the focused field takes typing. */
	isActive: boolean;
	/** Columns available. */
	width: number;
	/** Rows available. */
	height: number;
	/** Called with a field's new text as the user types or pastes. */
	onChange: (field: FormField, value: string) => void;
};

/** Ctrl+E opens $EDITOR from any field of the form, so its fields do not take it as readline's end of line (End does that). */
const formLeaves = ['ctrl+e'];

/** Rows the form uses besides the comment's lines. */
const fixedRows = 8;

export function CommentForm({values, focus, errors, editing, isActive, width, height, onChange}: CommentFormProps) {
	const inputWidth = Math.max(10, width - 4);
	const bodyRows = Math.max(1, height - (editing ? fixedRows - 4 : fixedRows));
	// The focused line is a text input that wraps; every other line is cut to one row.
	const focusedLine = values.lines[focus.line] ?? '';
	const focusedRows = Math.min(bodyRows, fieldRows(focusedLine, inputWidth, bodyRows).length);
	const otherRows = Math.max(0, bodyRows - focusedRows);
	const firstLine = Math.max(0, Math.min(focus.line - otherRows, values.lines.length - 1 - otherRows));
	const shownLines = values.lines.slice(firstLine, firstLine + otherRows + 1);
	return (
		<Box flexDirection="column" width={width}>
			<Text {...theme.subheading}>{editing ? 'Edit your comment' : 'Leave a reply'}</Text>
			<Text {...theme.dim}>{fitToWidth('Your email address will not be published. Required fields are marked *', width)}</Text>
			<Label text="Comment *" error={errors.body} width={width} focused={focus.field === 'body'} />
			{shownLines.map((line, offset) => {
				const index = firstLine + offset;
				const focused = isActive && focus.field === 'body' && focus.line === index;
				return (
					<Box key={index} paddingLeft={2} width={width} height={focused ? focusedRows : 1} overflow="hidden" flexShrink={0}>
						{focused ? <TextField multiline value={line} onChange={value => onChange('body', value)} focus width={inputWidth} rows={focusedRows} leaves={formLeaves} /> : <Text>{oneRow(line, inputWidth)}</Text>}
					</Box>
				);
			})}
			{editing ? null : (
				<>
					<Label text="Name *" error={errors.name} width={width} focused={focus.field === 'name'} />
					<Field value={values.name} focused={isActive && focus.field === 'name'} width={inputWidth} onChange={value => onChange('name', value)} />
					<Label text="Email *" error={errors.email} width={width} focused={focus.field === 'email'} />
					<Field value={values.email} focused={isActive && focus.field === 'email'} width={inputWidth} onChange={value => onChange('email', value)} />
				</>
			)}
		</Box>
	);
}

function Label({text, error, width, focused}: {text: string; error?: string; width: number; focused: boolean}) {
	return (
		<Text>
			<Text {...(focused ? theme.selected : theme.strong)}>{focused ? `${glyphs.pointer} ${text}` : `  ${text}`}</Text>
			{error ? <Text {...theme.error}>{`  ${fitToWidth(error, Math.max(0, width - text.length - 4))}`}</Text> : null}
		</Text>
	);
}

function Field({value, focused, width, onChange}: {value: string; focused: boolean; width: number; onChange: (value: string) => void}) {
	return (
		<Box paddingLeft={2} height={1} overflow="hidden" flexShrink={0}>
			{focused ? <TextField value={value} onChange={onChange} focus width={width} leaves={formLeaves} /> : <Text>{oneRow(value, width)}</Text>}
		</Box>
	);
}

/** A line of the form cut to one row; only its start is measured (a pasted line can be 100 KB long). */
function oneRow(text: string, width: number): string {
	const start = text.length > width * 2 + 2 ? text.slice(0, width * 2 + 2) : text;
	return fitToWidth(start || ' ', width);
}

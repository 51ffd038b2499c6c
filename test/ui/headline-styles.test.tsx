// The headline rows' styles as a terminal receives them: each row is drawn as pre-styled strings, which
// must look as Ink's own <Text> styles did, and a row drawn again when the cursor leaves or reaches it.
import {describe, expect, it} from 'vitest';
import {theme} from '../../source/theme.js';
import {styleText} from '../../source/ui/text.js';
import {bodyOf, renderReader} from '../helpers/render.js';

const inverse = '\u001B[7m';
const bold = '\u001B[1m';

/** The raw line of the body that holds `text`. */
function rawLine(raw: string, text: string): string {
	return raw.split('\n').find(line => line.includes(text)) ?? '';
}

describe('headline row styles', () => {
	it('styles text in the order Ink applies them: colour inside bold inside inverse', () => {
		expect(styleText('Vote', theme.selected)).toBe('\u001B[7m\u001B[1m\u001B[36mVote\u001B[39m\u001B[22m\u001B[27m');
		expect(styleText('3 Nov', theme.dim)).toBe('\u001B[2m3 Nov\u001B[22m');
		expect(styleText('plain', {})).toBe('plain');
	});

	it('draws the selected title in inverse, an unread one in bold, and moves the inverse with the cursor', async () => {
		const reader = renderReader({columns: 80, rows: 24});
		await reader.press('enter');
		const frame = await reader.waitForText('newsread › World');
		const [first, second] = bodyOf(frame).filter(line => /\d{4}\s*$/.test(line)).map(line => line.slice(3, 30).trim());
		expect(rawLine(reader.rawFrame(), first!)).toContain(inverse);
		expect(rawLine(reader.rawFrame(), second!)).not.toContain(inverse);
		expect(rawLine(reader.rawFrame(), second!)).toContain(bold);
		await reader.press('j');
		await reader.waitForText(`❯● ${second}`);
		expect(rawLine(reader.rawFrame(), second!)).toContain(inverse);
		expect(rawLine(reader.rawFrame(), first!)).not.toContain(inverse);
	});
});

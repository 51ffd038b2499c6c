// The screens' styles and glyphs: the theme `newsread read` uses (source/theme.ts), without its colours
// when the terminal has none or the user asked for none, and the glyphs of the locale (source/glyphs.ts).
// Chosen once by run-reader from the command's environment, before the first frame, with OSC 8 links or not.
import {type Glyphs, unicodeGlyphs} from '../glyphs.js';
import {theme as colourTheme, monochromeTheme, type TextStyle, type ThemeName} from '../theme.js';

export {type TextStyle, type ThemeName} from '../theme.js';

/** The style of each kind of text on screen. */
export let theme: Readonly<Record<ThemeName, TextStyle>> = colourTheme;

/** The symbols drawn on screen. */
export let glyphs: Glyphs = unicodeGlyphs;

/** Whether links are drawn as OSC 8 hyperlinks (source/hyperlinks.ts). */
export let hyperlinks = false;

/** How the screens are drawn on this terminal. */
export type TerminalStyle = {
	/** Colours; without them, bold, underline and inverse only. */
	colour: boolean;
	glyphs: Glyphs;
	/** Links as OSC 8 hyperlinks. @default false */
	hyperlinks?: boolean;
};

/** Chooses how the screens are drawn: before the first frame (tests: before rendering, and back after). */
export function chooseTerminalStyle(style: TerminalStyle): void {
	theme = style.colour ? colourTheme : monochromeTheme;
	glyphs = style.glyphs;
	hyperlinks = style.hyperlinks ?? false;
}

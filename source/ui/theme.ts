// The screens' styles: the same theme `newsread read` uses, from the neutral source/theme.ts, without
// its colours when the user asked for none (NO_COLOR). Bold, underline, inverse and dim stay, so
// subheadings and the highlight remain visible.
import {theme as colourTheme, noColourRequested, withoutColour} from '../theme.js';

export {type TextStyle, type ThemeName} from '../theme.js';

/** The style of each kind of text on screen. */
export const theme = noColourRequested(process.env) ? withoutColour(colourTheme) : colourTheme;

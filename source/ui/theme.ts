// The screens' styles: the same theme `newsread read` uses, from the neutral source/theme.ts, without
// its colours when NO_COLOR is set (https://no-color.org: present and not empty). Bold, underline,
// inverse and dim stay, so subheadings and the highlight remain visible.
import {theme as colourTheme, withoutColour} from '../theme.js';

export {type TextStyle, type ThemeName} from '../theme.js';

/** The style of each kind of text on screen. */
export const theme = process.env['NO_COLOR'] ? withoutColour(colourTheme) : colourTheme;

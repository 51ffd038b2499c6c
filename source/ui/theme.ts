// The screens' styles: the same theme `newsread read` uses, from the neutral source/theme.ts.
export {type TextStyle, theme, type ThemeName} from '../theme.js';

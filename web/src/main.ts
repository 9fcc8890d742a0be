/**
 * The page's entry: asks for the opening view at once, then loads the explorer (app.ts), which takes the answer.
 */
import './styles.css';
import './panels/panels.css';
import { requestOpeningEarly } from './opening.ts';

requestOpeningEarly();
void import('./app.ts');

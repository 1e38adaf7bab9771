import './elements/off-event-badge/define.js';
import './elements/off-seed-card/define.js';
import './elements/off-contribute-form/define.js';
import './elements/off-side-event-board/define.js';

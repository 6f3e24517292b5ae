// Loaded with `node --import` into a server the bench starts (the production server.js has no bench code):
// it measures the event-loop delay and answers the bench over IPC (see loop-delay.js).
import { answerLoopDelay } from './loop-delay.js';

answerLoopDelay();

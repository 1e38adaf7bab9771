import { networkSuite } from './network-suite.js';

networkSuite('postgres');

import { subscriptionsSuite } from './subscriptions-suite.js';

subscriptionsSuite('postgres');

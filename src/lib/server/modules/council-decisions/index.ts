/** What the councils did with an item (griffie). Import as a namespace. */
export { recordCouncilDecision } from './record-council-decision';

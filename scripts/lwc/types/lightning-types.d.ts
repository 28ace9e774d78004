// Type definitions Salesforce publishes for the lightning/* UI modules and @salesforce/user|client.
import '@salesforce/lightning-types';

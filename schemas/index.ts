export * from './primitives.js';
export * from './forbund.js';
export * from './mote.js';
export * from './arende.js';
export * from './ansokan.js';
export * from './ekonomi.js';
export * from './document.js';
export * from './documents.js';

export { AmiMessage, fieldsToObject } from './ami-message.js';
export type { AmiMessageType, AmiHeaderValue } from './ami-message.js';
export { AmiParser, defaultParserOptions } from './ami-parser.js';
export type { AmiParserOptions } from './ami-parser.js';
export { serializeAction, defaultSerializeOptions } from './ami-serializer.js';
export type { AmiAction, AmiActionValue, AmiSerializeOptions } from './ami-serializer.js';
export { AmiError, AmiErrorCode, isAmiError } from '../errors.js';
export type { AmiErrorDetails } from '../errors.js';

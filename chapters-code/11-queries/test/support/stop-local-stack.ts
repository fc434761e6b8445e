import { stopLocalStack } from './local-stack';

export default stopLocalStack;

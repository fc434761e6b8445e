import { stopLocalStacks } from './local-stack';

export default stopLocalStacks;

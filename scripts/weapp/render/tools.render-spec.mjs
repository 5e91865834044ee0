import { describeWeappRender } from './render-smoke.mjs';

describeWeappRender('tools');

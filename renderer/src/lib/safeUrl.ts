// The one web-link rule lives in shared/ (the main process applies it too).
export { isWebUrl as isHttpUrl } from '../../../shared/web-url.js';

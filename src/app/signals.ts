// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * Components re-render when a signal they read changes (what @preact/signals does, without its extras, which
 * the app does not use: signals in JSX or props, hooks). Each render runs inside an effect, so the signals
 * read there subscribe the component until its next render.
 */
import { type Component, options } from 'preact';
import { effect } from '../shared/signal';

type Watched = Component & { _watch?: true; _unwatch?: () => void };
// preact's internal (mangled) names for its render hook and a vnode's component; unmount is public
type Hooks = { __r?: (v: { __c?: Watched }) => void; unmount?: (v: { __c?: Watched }) => void };
const hooks = options as Hooks;

const beforeRender = hooks.__r;
hooks.__r = (vnode) => {
  beforeRender?.(vnode);
  const c = vnode.__c;
  if (!c || c._watch) return;
  c._watch = true;
  const render = c.render;
  c.render = function (this: Watched, ...args: Parameters<Component['render']>) {
    this._unwatch?.();
    let out: ReturnType<Component['render']> = null;
    let first = true;
    this._unwatch = effect(() => {
      if (first) out = render.apply(this, args);
      // a signal read in the last render changed: render again (which watches afresh)
      else this.setState({});
      first = false;
    });
    return out;
  };
};

const beforeUnmount = hooks.unmount;
hooks.unmount = (vnode) => {
  vnode.__c?._unwatch?.();
  beforeUnmount?.(vnode);
};

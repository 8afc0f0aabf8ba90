import { describe, expect, it } from 'vitest';
import { match } from '../../src/ui/router';

describe('route patterns', () => {
  it('matches fixed paths and :name parameters, decoded', () => {
    expect(match('/', '/')).toEqual({});
    expect(match('/enrol', '/enrol')).toEqual({});
    expect(match('/p/library-your-say', '/p/:slug')).toEqual({ slug: 'library-your-say' });
    expect(match('/p/caf%C3%A9', '/p/:slug')).toEqual({ slug: 'café' });
  });

  it('refuses a path of another shape, a missing parameter or an extra segment', () => {
    expect(match('/enrol', '/')).toBeNull();
    expect(match('/', '/enrol')).toBeNull();
    expect(match('/p', '/p/:slug')).toBeNull();
    expect(match('/p/a/b', '/p/:slug')).toBeNull();
    expect(match('/paper/a', '/p/:slug')).toBeNull();
  });

  it('a trailing * takes one or more segments, never none', () => {
    expect(match('/staff/finance/claims', '/staff/*')).toEqual({});
    expect(match('/staff', '/staff/*')).toBeNull();
    expect(match('/staffing', '/staff/*')).toBeNull();
  });
});

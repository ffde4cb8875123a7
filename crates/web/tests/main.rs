//! The web platform's tests, as user stories: a `TestApp` is the real server on 127.0.0.1:0 with a database of its
//! own, and `Client` is a person with a cookie jar. Every access rule has a test that tries to break it.
//!
//! - `stories`: setup, sign-in, a learner coding and submitting, feedback, review.
//! - `rules`: who may see and do what (another learner's work, gold before submitting, CSRF, roles, rate limit).
//! - `input`: bad input gets a clear 4xx and is stored or shown escaped, never executed.

mod support;

mod input;
mod rules;
mod stories;
